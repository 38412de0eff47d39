package org.codeshare.platform.boundary;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Deep links into the browser app ({@code /r/{slug}}) get the app's {@code index.html}, which
 * routes in the browser. Only this prefix is mapped, so {@code /api}, {@code /ws}, {@code /health},
 * {@code /metrics} and {@code /openapi} are untouched and unknown paths stay 404.
 */
@WebServlet(name = "app-routes", urlPatterns = AppRoutes.ROOMS)
public class AppRoutes extends HttpServlet {

  static final String ROOMS = "/r/*";

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    response.setHeader("Cache-Control", "no-cache");
    request.getRequestDispatcher("/index.html").forward(request, response);
  }
}
