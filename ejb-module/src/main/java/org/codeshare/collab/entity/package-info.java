/**
 * The change-set algebra of the collaboration protocol: a port of CodeMirror 6's {@code ChangeSet}
 * (from {@code @codemirror/state}) and of {@code rebaseUpdates} (from {@code @codemirror/collab}),
 * so the server applies, maps, composes and rebases edits exactly as the browsers do; the step-wise
 * rebase the server uses ({@link org.codeshare.collab.entity.StepwiseRebase}); and the messages of
 * the editor protocol. Pure Java; the only dependency is the JSON-P API for the wire format.
 */
package org.codeshare.collab.entity;
