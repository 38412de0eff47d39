package org.codeshare.rooms.boundary;

import java.util.List;
import java.util.function.Function;
import org.codeshare.paging.entity.Page;

/** One page of a listing. */
public record PageView<T>(List<T> items, int page, int size, long total) {

  public static <E, T> PageView<T> of(Page<E> page, Function<E, T> view) {
    var mapped = page.map(view);
    return new PageView<>(mapped.items(), mapped.page(), mapped.size(), mapped.total());
  }
}
