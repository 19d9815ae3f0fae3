/* Flask-Admin's date pickers (bootstrap-daterangepicker 1.3 on moment) in the user's language: the page's
   script tag carries data-locale ("id" or "en"). Indonesian month and day names, Monday first, and the buttons'
   labels; loaded before Flask-Admin's form.js applies the pickers (on DOM ready). */
(function () {
  "use strict";
  var script = document.currentScript;
  var locale = (script && script.getAttribute("data-locale")) || "id";
  if (locale !== "id" || !window.moment) {
    return;
  }
  var m = window.moment;
  var known = false;
  try { known = !!m.localeData("id") && m.localeData("id")._months[0] === "Januari"; } catch (e) { known = false; }
  if (!known) {
    (typeof m.defineLocale === "function" ? m.defineLocale : m.locale).call(m, "id", {
      months: "Januari_Februari_Maret_April_Mei_Juni_Juli_Agustus_September_Oktober_November_Desember".split("_"),
      monthsShort: "Jan_Feb_Mar_Apr_Mei_Jun_Jul_Agu_Sep_Okt_Nov_Des".split("_"),
      weekdays: "Minggu_Senin_Selasa_Rabu_Kamis_Jumat_Sabtu".split("_"),
      weekdaysShort: "Min_Sen_Sel_Rab_Kam_Jum_Sab".split("_"),
      weekdaysMin: "Mg_Sn_Sl_Rb_Km_Jm_Sb".split("_"),
      longDateFormat: {LT: "HH.mm", LTS: "HH.mm.ss", L: "DD/MM/YYYY", LL: "D MMMM YYYY",
                       LLL: "D MMMM YYYY [pukul] HH.mm", LLLL: "dddd, D MMMM YYYY [pukul] HH.mm"},
      week: {dow: 1, doy: 4}
    });
  }
  m.locale("id");
  var labels = {applyLabel: "Terapkan", cancelLabel: "Batal", fromLabel: "Dari", toLabel: "Sampai",
                weekLabel: "Mg", customRangeLabel: "Rentang lain",
                daysOfWeek: m.weekdaysMin(), monthNames: m.monthsShort(), firstDay: 1};

  function localise() {
    var $ = window.jQuery;
    if (!$ || !$.fn.daterangepicker || $.fn.daterangepicker.lpksLocalised) {
      return;
    }
    var original = $.fn.daterangepicker;
    $.fn.daterangepicker = function (options, callback) {
      var merged = $.extend(true, {}, {locale: labels, separator: " s.d. "}, options || {});
      return original.call(this, merged, callback);
    };
    $.fn.daterangepicker.lpksLocalised = true;
  }

  localise();
  if (window.jQuery) {
    window.jQuery(document).on("adminFormReady", localise);
  }
})();
