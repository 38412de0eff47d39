package org.codeshare.platform.entity;

import org.codeshare.problems.entity.ProblemException;

/** A cookie-authenticated write whose Origin (or Referer) is not this site or its front end. */
public class CrossSiteRequest extends ProblemException {

  public CrossSiteRequest() {
    super(
        403,
        "cross-site-request",
        "Cross-site request refused",
        "A request signed in by session cookie must come from this site; its Origin (or"
            + " Referer) is missing or not an allowed origin.");
  }
}
