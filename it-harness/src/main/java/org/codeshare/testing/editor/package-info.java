/**
 * Plain WebSocket clients of the editor socket for integration tests: the raw protocol ({@code
 * EditorClient}), an editor that behaves as CodeMirror's collab extension ({@code CollabEditor}),
 * rooms and tickets through the API ({@code EditorRooms}), and editors typing together ({@code
 * Typing}).
 */
package org.codeshare.testing.editor;
