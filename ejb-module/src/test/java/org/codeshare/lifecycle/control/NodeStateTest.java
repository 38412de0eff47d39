package org.codeshare.lifecycle.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NodeStateTest {

  @Test
  void aNodeServesUntilItDrainsAndDrainsOnce() {
    var node = new NodeState();
    assertThat(node.draining()).isFalse();
    assertThat(node.drainingSince()).isEmpty();
    assertThat(node.takingMessages()).isTrue();

    assertThat(node.startDraining()).isTrue();
    assertThat(node.draining()).isTrue();
    assertThat(node.drainingSince()).isPresent();
    assertThat(node.takingMessages()).as("until the sockets are about to close").isTrue();
    assertThat(node.startDraining()).as("a second stop").isFalse();

    node.stopIntake();
    assertThat(node.takingMessages()).isFalse();
  }
}
