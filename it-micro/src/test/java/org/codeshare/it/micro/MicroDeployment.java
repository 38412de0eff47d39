package org.codeshare.it.micro;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR the build produced, deployed as ROOT.war: Payara Micro serves it at "/" as in production.
 */
final class MicroDeployment {

  private MicroDeployment() {}

  static WebArchive codeshareWar() {
    var war =
        ShrinkWrap.createFromZipFile(
            WebArchive.class, new File(System.getProperty("codeshare.archive")));
    return ShrinkWrap.create(WebArchive.class, "ROOT.war").merge(war);
  }
}
