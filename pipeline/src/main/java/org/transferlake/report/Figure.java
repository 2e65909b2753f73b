package org.transferlake.report;

/**
 * A chart in the report: a PNG with the file name the Markdown links to, and the words that go with it.
 *
 * @param fileName the PNG's name in the report directory
 * @param caption what it shows, under the image
 */
record Figure(String fileName, String title, String caption, byte[] png) {}
