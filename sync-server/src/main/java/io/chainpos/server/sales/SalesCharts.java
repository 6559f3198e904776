package io.chainpos.server.sales;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;

/** The report's charts as the ECharts options the page's script draws (amounts in yuan, not minor units). */
final class SalesCharts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SalesCharts() {
    }

    /** Bars per name, one series per entry of {@code series} (this period, the previous one). */
    static String bars(List<String> names, List<String> seriesNames, List<List<Long>> series, boolean money) {
        return barsOption(names, seriesNames, series, money).toString();
    }

    private static ObjectNode barsOption(List<String> names, List<String> seriesNames, List<List<Long>> series, boolean money) {
        ObjectNode option = base();
        ArrayNode x = option.putObject("xAxis").put("type", "category").putArray("data");
        names.forEach(x::add);
        option.putObject("yAxis").put("type", "value");
        ArrayNode all = option.putArray("series");
        for (int s = 0; s < series.size(); s++) {
            ArrayNode data = all.addObject().put("type", "bar").put("name", seriesNames.get(s)).putArray("data");
            series.get(s).forEach(v -> data.add(money ? yuan(v) : BigDecimal.valueOf(v)));
        }
        return option;
    }

    /** Lines over the days of the period, the previous period's on the same positions. */
    static String lines(List<String> days, List<String> seriesNames, List<List<Long>> series) {
        ObjectNode option = barsOption(days, seriesNames, series, true);
        option.get("series").forEach(s -> ((ObjectNode) s).put("type", "line"));
        return option.toString();
    }

    /** A pie of shares. */
    static String pie(List<String> names, List<Long> values) {
        ObjectNode option = JSON.createObjectNode();
        option.putObject("tooltip").put("trigger", "item");
        ArrayNode data = option.putArray("series").addObject().put("type", "pie").put("radius", "65%").putArray("data");
        for (int i = 0; i < names.size(); i++) {
            data.addObject().put("name", names.get(i)).put("value", yuan(values.get(i)));
        }
        return option.toString();
    }

    /** Baskets per weekday (rows, Monday first) and local hour (columns). */
    static String heatmap(List<String> weekdays, long[][] baskets) {
        ObjectNode option = base();
        ArrayNode hours = option.putObject("xAxis").put("type", "category").putArray("data");
        for (int h = 0; h < 24; h++) {
            hours.add(String.format("%02d", h));
        }
        ArrayNode days = option.putObject("yAxis").put("type", "category").putArray("data");
        weekdays.forEach(days::add);
        long max = 1;
        ArrayNode data = JSON.createArrayNode();
        for (int d = 0; d < baskets.length; d++) {
            for (int h = 0; h < 24; h++) {
                data.addArray().add(h).add(d).add(baskets[d][h]);
                max = Math.max(max, baskets[d][h]);
            }
        }
        option.putObject("visualMap").put("min", 0).put("max", max).put("calculable", true).put("orient", "horizontal")
                .put("left", "center").put("bottom", 0);
        option.putArray("series").addObject().put("type", "heatmap").set("data", data);
        ((ObjectNode) option.get("grid")).put("bottom", 60);
        return option.toString();
    }

    private static ObjectNode base() {
        ObjectNode option = JSON.createObjectNode();
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("legend");
        option.putObject("grid").put("containLabel", true).put("left", 8).put("right", 8).put("top", 32).put("bottom", 8);
        return option;
    }

    private static BigDecimal yuan(long minor) {
        return BigDecimal.valueOf(minor, 2);
    }
}
