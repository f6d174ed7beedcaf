/**
 * Benchmarks run by hand, each a main class printing figures for this machine: not tests, and not part
 * of the product's packages. They use the engine and data packages only through their public API.
 */
package aelab.bench;
