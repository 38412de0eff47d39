package org.codeshare.paging.entity;

import java.util.List;
import java.util.function.Function;

/** One page of a sorted listing; {@code page} counts from 0. */
public record Page<T>(List<T> items, int page, int size, long total) {

  public static final int MAX_SIZE = 100;

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), page, size, total);
  }

  public static int offset(int page, int size) {
    return Math.multiplyExact(page, size);
  }
}
