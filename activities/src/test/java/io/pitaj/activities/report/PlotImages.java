package io.pitaj.activities.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Checks on rendered plots, and where they go: the test's temporary directory, or the directory the system
 * property {@code pita.plots.preview} names, to look at the example plots after
 * {@code mvn test -Dpita.plots.preview=/tmp/plots-preview}.
 */
final class PlotImages {
    private PlotImages() {}

    static Path target(Path tempDir, String name) {
        String preview = System.getProperty("pita.plots.preview");
        return (preview == null || preview.isBlank() ? tempDir : Path.of(preview)).resolve(name + ".png");
    }

    /** A PNG of exactly {@code width × height} pixels of which more than 1 % are not white. */
    static void assertRendered(Path png, int width, int height) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, png + " is not an image ImageIO can read");
        assertEquals(width, image.getWidth(), "width of " + png);
        assertEquals(height, image.getHeight(), "height of " + png);
        long inked = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) inked++;
            }
        }
        assertTrue(inked > 0.01 * width * height, png + ": only " + inked + " non-white pixels");
    }
}
