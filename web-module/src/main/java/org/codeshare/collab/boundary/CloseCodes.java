package org.codeshare.collab.boundary;

/** Application close codes of the editor socket (4000-4999 are ours by RFC 6455). */
public final class CloseCodes {

  /** The client fell too far behind; reconnect and {@code pull} from the last version seen. */
  static final int RESYNC = 4000;

  /** The node is restarting (RFC 6455 1012): reconnect, through the load balancer, and pull. */
  public static final int SERVICE_RESTART = 1012;

  /** No valid ticket or session. */
  static final int UNAUTHENTICATED = 4401;

  /** The page's origin may not open editor sockets. */
  static final int FORBIDDEN_ORIGIN = 4403;

  /** The room does not exist (any more), or is not visible to this caller. */
  static final int ROOM_NOT_FOUND = 4404;

  /** The client kept sending faster than allowed, or kept sending bad messages. */
  static final int ABUSE = 4429;

  private CloseCodes() {}
}
