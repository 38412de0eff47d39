package org.codeshare.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import org.codeshare.testing.AppClient;
import org.codeshare.testing.RealServers;
import org.codeshare.testing.RealServersExtension;
import org.codeshare.testing.editor.CollabEditor;
import org.codeshare.testing.editor.EditorRooms;
import org.codeshare.testing.editor.Typing;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Many editors typing at once, each the way CodeMirror's collab extension works: all end with the
 * same text, equal to the server's and to the history stored in PostgreSQL, with every edit in it
 * exactly once.
 */
@ExtendWith(RealServersExtension.class)
@ExtendWith(ArquillianExtension.class)
class EditorConvergenceIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.codeshareEar();
  }

  private final AppClient app = AppClient.fromSystemProperties();
  private final EditorRooms rooms = new EditorRooms(app);

  @Test
  void tenEditorsMakingRandomConcurrentEditsConvergeOnTheStoredText(RealServers servers)
      throws Exception {
    var room = rooms.create();
    var editors = new ArrayList<CollabEditor>();
    try {
      for (int i = 0; i < 10; i++) {
        editors.add(new CollabEditor(rooms.guest(room, "Editor " + i), "client-" + i));
      }
      Typing.together(editors, 40);
      int edits = editors.stream().mapToInt(e -> e.edits).sum();
      try (var checker = rooms.guest(room, "Checker")) {
        var server = new CollabEditor(checker, "checker");
        assertThat(server.version)
            .as("one version per edit, none lost or doubled")
            .isEqualTo(edits);
        Typing.converge(editors, edits, server.doc);
        assertThat(Typing.storedText(servers, room.slug(), edits)).isEqualTo(server.doc);
      }
    } finally {
      editors.forEach(e -> e.client.close());
    }
  }
}
