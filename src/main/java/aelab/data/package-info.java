/**
 * The digits: IDX files read and validated (sizes from a file are never trusted before allocating),
 * the bundled MNIST and any MNIST-layout folder, as image sets of floats. May use: the JDK only.
 */
package aelab.data;
