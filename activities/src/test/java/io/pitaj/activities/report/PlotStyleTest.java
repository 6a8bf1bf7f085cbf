package io.pitaj.activities.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.DefaultXYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotStyleTest {
    @TempDir
    Path dir;

    private static JFreeChart line() {
        DefaultXYDataset data = new DefaultXYDataset();
        data.addSeries("line", new double[][] {{0, 1, 2}, {0, 1, 0}});
        return PlotStyle.chart("a line", PlotStyle.plot(data, PlotStyle.axis("x (nm)"), PlotStyle.axis("y (nm)"),
                PlotStyle.lines(1)), false);
    }

    @Test
    void runsHeadless() {
        line();
        assertEquals("true", System.getProperty("java.awt.headless"));
    }

    @Test
    void saveCreatesDirectoriesReplacesTheFileAndLeavesNoTemporaryFile() throws IOException {
        Path png = dir.resolve("a/b/line.png");
        PlotStyle.save(line(), 300, 200, png);
        PlotImages.assertRendered(png, 300, 200);
        PlotStyle.save(line(), 320, 240, png);
        PlotImages.assertRendered(png, 320, 240);
        try (Stream<Path> files = Files.list(png.getParent())) {
            assertEquals(List.of(png), files.toList());
        }
    }

    @Test
    void theSampleAndTheReferenceHaveTheirOwnColours() {
        assertEquals(PlotStyle.SAMPLE_COLOUR, PlotStyle.colour(0));
        assertEquals(PlotStyle.REFERENCE_COLOUR, PlotStyle.colour(1));
        for (int i = 2; i < 10; i++) {
            assertNotEquals(PlotStyle.colour(0), PlotStyle.colour(i));
            assertNotEquals(PlotStyle.colour(1), PlotStyle.colour(i));
        }
    }
}
