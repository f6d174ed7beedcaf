/**
 * The digits: IDX files read and validated (sizes from a file are never trusted before allocating),
 * the bundled MNIST and any MNIST-layout folder, as image sets of floats, and the names of their
 * classes when the dataset is a known one. May use: the JDK only.
 */
package aelab.data;
