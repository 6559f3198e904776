// Head office's pages: charts drawn by ECharts from a data-chart attribute (no inline script, which the
// Content-Security-Policy forbids), loaded from this server only when a page has a chart; forms that ask
// first (data-confirm).
(function () {
  "use strict";
  var echartsLoading = null;

  function loadECharts() {
    if (window.echarts) { return Promise.resolve(window.echarts); }
    if (!echartsLoading) {
      echartsLoading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = "/assets/echarts.min.js";
        script.onload = function () { resolve(window.echarts); };
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return echartsLoading;
  }

  function drawCharts(root) {
    var charts = root.querySelectorAll("[data-chart]");
    if (charts.length === 0) { return; }
    loadECharts().then(function (echarts) {
      charts.forEach(function (element) {
        var chart = echarts.getInstanceByDom(element) || echarts.init(element);
        chart.setOption(JSON.parse(element.getAttribute("data-chart")));
        element.setAttribute("data-chart-drawn", "true");
      });
    });
  }

  document.addEventListener("submit", function (event) {
    var question = event.target.getAttribute("data-confirm");
    if (question && !window.confirm(question)) { event.preventDefault(); }
  });
  document.addEventListener("DOMContentLoaded", function () { drawCharts(document); });
  document.addEventListener("htmx:afterSwap", function (event) { drawCharts(event.target); });
  window.addEventListener("resize", function () {
    if (!window.echarts) { return; }
    document.querySelectorAll("[data-chart]").forEach(function (element) {
      var chart = window.echarts.getInstanceByDom(element);
      if (chart) { chart.resize(); }
    });
  });
})();
