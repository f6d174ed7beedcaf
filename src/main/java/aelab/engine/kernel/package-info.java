/**
 * The hand-tuned loops under the engine: matrix products and element-wise passes on the Vector API,
 * each beside a plain reference version it is tested against, chosen at run time (the reference
 * wherever the incubator module is missing). May use: the JDK and {@code jdk.incubator.vector} only.
 */
package aelab.engine.kernel;
