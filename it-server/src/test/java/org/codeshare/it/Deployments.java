package org.codeshare.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The archive under test is the one the build produced, not one assembled by the test. */
final class Deployments {

  private Deployments() {}

  static EnterpriseArchive codeshareEar() {
    var file = new File(System.getProperty("codeshare.archive"));
    if (!file.isFile()) {
      throw new IllegalStateException("build the EAR first: " + file);
    }
    return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, file);
  }
}
