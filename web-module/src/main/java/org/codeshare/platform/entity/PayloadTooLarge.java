package org.codeshare.platform.entity;

import org.codeshare.problems.entity.ProblemException;

public class PayloadTooLarge extends ProblemException {

  public PayloadTooLarge(long maxBytes) {
    super(
        413,
        "payload-too-large",
        "Payload Too Large",
        "The request body is larger than " + maxBytes + " bytes.");
  }
}
