/**
 * The change-set algebra of the collaboration protocol: a port of CodeMirror 6's {@code ChangeSet}
 * (from {@code @codemirror/state}) and of {@code rebaseUpdates} (from {@code @codemirror/collab}),
 * so the server applies, maps, composes and rebases edits exactly as the browsers do. Pure Java;
 * the only dependency is the JSON-P API for the wire format.
 */
package org.codeshare.collab.entity;
