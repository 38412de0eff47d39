/**
 * The load driver for the editor socket: starts PostgreSQL and a Payara Micro node, opens authors
 * that speak the collaboration protocol as the browser client does, and reports fan-out latency,
 * losses, throughput, CPU and heap. See {@code docs/benchmarks.md}.
 */
package org.codeshare.bench;
