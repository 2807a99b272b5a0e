package org.ondes.site;

import org.ondes.catalog.StationDetail.ListenerSample;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The listener-count sparkline of a station page: the samples of the last 24 hours as the points of an SVG polyline
 * in a {@value #WIDTH}×{@value #HEIGHT} box (time left to right ending now, zero at the bottom, the peak at the top).
 *
 * @param points  the polyline's {@code points} attribute, or empty when there are fewer than two samples
 * @param peak    the highest count in the window
 * @param latest  the newest count in the window
 * @param summary a sentence for screen readers and the caption
 */
public record Sparkline(String points, int peak, int latest, String summary) {
    public static final int WIDTH = 240;
    public static final int HEIGHT = 48;
    static final Duration WINDOW = Duration.ofHours(24);

    public String viewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }

    /** The newest point ("x,y"), marked with a dot so a short history is visible too. */
    public String lastX() {
        return points.isEmpty() ? "0" : points.substring(points.lastIndexOf(' ') + 1).split(",")[0];
    }

    public String lastY() {
        return points.isEmpty() ? "0" : points.substring(points.lastIndexOf(' ') + 1).split(",")[1];
    }

    public boolean drawable() {
        return !points.isEmpty();
    }

    static Sparkline of(List<ListenerSample> history, Instant now) {
        Instant from = now.minus(WINDOW);
        List<ListenerSample> window = new ArrayList<>();
        for (ListenerSample s : history) {
            if (!s.at().isBefore(from) && !s.at().isAfter(now)) {
                window.add(s);
            }
        }
        window.sort((a, b) -> a.at().compareTo(b.at()));
        if (window.size() < 2) {
            return new Sparkline("", window.isEmpty() ? 0 : window.get(0).listeners(),
                    window.isEmpty() ? 0 : window.get(0).listeners(), "Not enough listener counts in the last 24 hours yet.");
        }
        int peak = window.stream().mapToInt(ListenerSample::listeners).max().orElse(0);
        double scale = peak <= 0 ? 0 : (HEIGHT - 2) / (double) peak;
        double span = WINDOW.toMillis();
        StringBuilder points = new StringBuilder();
        for (ListenerSample s : window) {
            double x = (s.at().toEpochMilli() - from.toEpochMilli()) / span * WIDTH;
            double y = HEIGHT - 1 - Math.max(0, s.listeners()) * scale;
            if (points.length() > 0) {
                points.append(' ');
            }
            points.append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
        }
        int latest = window.get(window.size() - 1).listeners();
        String summary = "Listeners over the last 24 hours: peak " + peak + ", latest " + latest + ".";
        return new Sparkline(points.toString(), peak, latest, summary);
    }
}
