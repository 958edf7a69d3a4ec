package rnnlab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import rnnlab.data.Language;
import rnnlab.eval.LossFloors.Floors;
import rnnlab.train.History;

/**
 * PNG charts of loss per epoch, with the two loss floors drawn as dashed reference lines:
 * ln 11 (no model can go lower) and the memory-less floor, 5.41 for {@code a^n b^n} (a model
 * below it uses its memory).
 */
public final class LossPlot {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;
    private static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
            BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

    private LossPlot() {
    }

    /**
     * Writes the training and validation loss of one run to {@code folder/<model>-loss.png},
     * creating the folder if needed.
     *
     * @return the file written
     * @throws IOException if the folder cannot be created or the file cannot be written
     */
    public static Path writeHistory(History history, Path folder) throws IOException {
        return writeHistory(history, folder, Floors.of(Language.ANBN));
    }

    /**
     * Writes one run's losses with the floors of the language it was trained on.
     *
     * @return the file written
     * @throws IOException if the folder cannot be created or the file cannot be written
     */
    public static Path writeHistory(History history, Path folder, Floors floors)
            throws IOException {
        XYChart chart = newChart(history.modelName().toUpperCase() + ": loss per epoch");
        double[] epochs = epochNumbers(history.epochs().size());
        addCurve(chart, "training", epochs, history.trainingLosses());
        addCurve(chart, "validation", epochs, history.validationLosses());
        addFloors(chart, epochs.length, floors);
        return save(chart, folder, history.modelName() + "-loss");
    }

    /**
     * Writes the validation loss of several runs to one chart, {@code folder/<name>.png}.
     *
     * @return the file written
     * @throws IOException if the folder cannot be created or the file cannot be written
     */
    public static Path writeComparison(List<History> histories, Path folder, String name)
            throws IOException {
        return writeComparison(histories, folder, name, Floors.of(Language.ANBN));
    }

    /**
     * Writes the validation loss of several runs with the floors of their language.
     *
     * @return the file written
     * @throws IOException if the folder cannot be created or the file cannot be written
     */
    public static Path writeComparison(List<History> histories, Path folder, String name,
            Floors floors) throws IOException {
        XYChart chart = newChart("Validation loss per epoch");
        int longest = 1;
        for (History history : histories) {
            double[] epochs = epochNumbers(history.epochs().size());
            addCurve(chart, history.modelName(), epochs, history.validationLosses());
            longest = Math.max(longest, epochs.length);
        }
        addFloors(chart, longest, floors);
        return save(chart, folder, name);
    }

    private static XYChart newChart(String title) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("epoch").yAxisTitle("loss (sum of cross-entropy per sequence)")
                .build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setXAxisTickMarkSpacingHint(90);
        return chart;
    }

    private static void addCurve(XYChart chart, String name, double[] epochs, double[] losses) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int k = 0; k < losses.length; k++) {
            if (Double.isFinite(losses[k])) {
                xs.add(epochs[k]);
                ys.add(losses[k]);
            }
        }
        if (!xs.isEmpty()) {
            chart.addSeries(name, xs, ys).setMarker(SeriesMarkers.NONE);
        }
    }

    private static void addFloors(XYChart chart, int epochCount, Floors floors) {
        addFloor(chart, String.format("memory-less floor %.2f", floors.memoryless()),
                floors.memoryless(), epochCount, Color.GRAY);
        addFloor(chart, String.format("optimal floor ln 11 = %.3f", floors.optimal()),
                floors.optimal(), epochCount, Color.BLACK);
    }

    private static void addFloor(XYChart chart, String name, double level, int epochCount,
            Color color) {
        double last = Math.max(epochCount, 2);
        XYSeries series = chart.addSeries(name, new double[] {1, last},
                new double[] {level, level});
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
        series.setLineStyle(DASHED);
    }

    private static double[] epochNumbers(int count) {
        double[] epochs = new double[count];
        for (int k = 0; k < count; k++) {
            epochs[k] = k + 1;
        }
        return epochs;
    }

    private static Path save(XYChart chart, Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(name + ".png");
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        return file;
    }
}
