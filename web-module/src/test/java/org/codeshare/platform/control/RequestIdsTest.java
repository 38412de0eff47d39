package org.codeshare.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

  @Test
  void wellFormedIdsAreKept() {
    for (var id :
        new String[] {"abc", "0f8fad5b-d9cb-469f-a165-70867728950e", "a.b_c-D", "x".repeat(128)}) {
      assertThat(RequestIds.acceptOrGenerate(id)).as(id).isEqualTo(id);
    }
  }

  @Test
  void anythingElseIsReplacedByAFreshUuid() {
    for (var id :
        new String[] {
          null, "", "x".repeat(129), "a b", "a\r\nSet-Cookie: x=1", "ä", "<script>", "a,b"
        }) {
      var replaced = RequestIds.acceptOrGenerate(id);
      assertThat(replaced)
          .as(String.valueOf(id))
          .isNotEqualTo(id)
          .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }
    assertThat(RequestIds.acceptOrGenerate(null)).isNotEqualTo(RequestIds.acceptOrGenerate(null));
  }
}
