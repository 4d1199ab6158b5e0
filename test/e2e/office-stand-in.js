/*
 * A small in-page stand-in for office.js, served instead of the CDN script by the browser test.
 * It holds a tiny workbook (sheet "Invoer": C2 = 1440, C5:C56 = 25 a week), implements the
 * Office.js calls the pane makes, queues writes until context.sync() as Excel does, and records
 * everything it received in window.__standIn for the test to inspect.
 *
 * Query string: ?lang=nl-NL (display language), ?names=1 (define Beginvoorraad and Instroom).
 * state.holdSyncs() / state.releaseSyncs() keep a run going, to look at the pane while it works.
 */
(function () {
  "use strict";
  var params = new URLSearchParams(window.location.search);
  var MAX_ROW = 1048576;

  var state = {
    language: params.get("lang") || "nl-NL",
    sheets: [],
    names: [],
    /** Syncs per Excel.run, in order. */
    runs: [],
    tables: [],
    charts: [],
    log: [],
    syncs: 0,
    selection: "Invoer!C5:C56",
    activeSheet: "Invoer",
    calculationMode: "Automatic",
    failNextSync: null,
    functions: [],
  };
  window.__standIn = state;

  function columnNumber(letters) {
    var n = 0;
    for (var i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
    return n;
  }
  function columnLetters(index) {
    var n = index + 1;
    var s = "";
    while (n > 0) {
      var rem = (n - 1) % 26;
      s = String.fromCharCode(65 + rem) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  }
  /** "C5:D6", "C5", "C:C" → { top, left, bottom, right }, 0-based. */
  function rectOf(range) {
    var parts = range.replace(/\$/g, "").toUpperCase().split(":");
    var a = parts[0];
    var b = parts[1] || a;
    if (/^[A-Z]+$/.test(a)) return { top: 0, left: columnNumber(a) - 1, bottom: MAX_ROW - 1, right: columnNumber(b) - 1 };
    // Whole rows ("5:5"), as row heights are set.
    if (/^\d+$/.test(a)) return { top: +a - 1, left: 0, bottom: +b - 1, right: 16383 };
    var p = /^([A-Z]+)(\d+)$/.exec(a);
    var q = /^([A-Z]+)(\d+)$/.exec(b);
    return { top: +p[2] - 1, left: columnNumber(p[1]) - 1, bottom: +q[2] - 1, right: columnNumber(q[1]) - 1 };
  }
  function addressOf(r) {
    var a = columnLetters(r.left) + (r.top + 1);
    var b = columnLetters(r.right) + (r.bottom + 1);
    return a === b ? a : a + ":" + b;
  }
  function qualify(sheet, range) {
    return (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : "'" + sheet.replace(/'/g, "''") + "'") + "!" + range;
  }

  function Sheet(name) {
    this.name = name;
    this.cells = {};
    this.formats = {};
    this.protected = false;
  }
  function sheetByName(name) {
    for (var i = 0; i < state.sheets.length; i++) {
      if (state.sheets[i].name.toLowerCase() === String(name).toLowerCase()) return state.sheets[i];
    }
    throw officeError("ItemNotFound");
  }
  function officeError(code) {
    var e = new Error(code + " (stand-in)");
    e.name = "RichApi.Error";
    e.code = code;
    e.debugInfo = { code: code };
    return e;
  }

  var invoer = new Sheet("Invoer");
  state.sheets.push(invoer);
  invoer.cells["1,1"] = "Beginvoorraad";
  invoer.cells["1,2"] = 1440;
  invoer.cells["3,2"] = "Instroom";
  for (var w = 0; w < 52; w++) invoer.cells[4 + w + ",2"] = 25;
  if (params.get("names") === "1") {
    state.names.push({ name: "Beginvoorraad", formula: "=Invoer!$C$2" });
    state.names.push({ name: "Instroom", formula: "=Invoer!$C$5:$C$56" });
  }

  /** Records a property write or call on any nested path, e.g. format.font.bold = true. */
  function recorder(path, onSet) {
    var target = function () {};
    return new Proxy(target, {
      get: function (_, prop) {
        if (prop === "then") return undefined;
        return recorder(path + "." + String(prop), onSet);
      },
      set: function (_, prop, value) {
        onSet(path + "." + String(prop), value);
        return true;
      },
      apply: function (_, __, args) {
        onSet(path + "()", args.length ? String(args[0]) : "");
        return recorder(path + "()", onSet);
      },
    });
  }

  function Context() {
    this.queue = [];
    var ctx = this;
    this.workbook = {
      worksheets: collection(function () {
        return state.sheets.map(function (s) {
          return ctx.sheetObject(s);
        });
      }, {
        getItem: function (name) {
          return ctx.sheetObject(sheetByName(name));
        },
        getItemOrNullObject: function (name) {
          var found = state.sheets.filter(function (x) {
            return x.name.toLowerCase() === String(name).toLowerCase();
          })[0];
          return found ? ctx.sheetObject(found) : nullObject();
        },
        getActiveWorksheet: function () {
          return ctx.sheetObject(sheetByName(state.activeSheet));
        },
        add: function (name) {
          var sheet = new Sheet(name);
          ctx.write("worksheets.add", name, function () {
            state.sheets.push(sheet);
          });
          return ctx.sheetObject(sheet);
        },
      }),
      tables: collection(function () {
        return state.tables.map(function (t) {
          return ctx.tableObject(t);
        });
      }, {
        getItem: function (name) {
          var t = state.tables.filter(function (x) {
            return x.name.toLowerCase() === name.toLowerCase();
          })[0];
          if (!t) throw officeError("ItemNotFound");
          return ctx.tableObject(t);
        },
      }),
      names: collection(function () {
        return state.names.map(function (n) {
          var body = n.formula.replace(/^=/, "");
          var range = body.indexOf("!") >= 0;
          return {
            name: n.name,
            type: range ? "Range" : "Double",
            value: range ? body : Number(body),
            load: self,
            set formula(v) {
              ctx.write("names.formula", [n.name, v], function () {
                n.formula = v;
              });
            },
          };
        });
      }, {
        getItem: function (name) {
          var n = state.names.filter(function (x) {
            return x.name.toLowerCase() === name.toLowerCase();
          })[0];
          return {
            set formula(v) {
              ctx.write("names.formula", [name, v], function () {
                n.formula = v;
              });
            },
          };
        },
        getItemOrNullObject: function (name) {
          var n = state.names.filter(function (x) {
            return x.name.toLowerCase() === name.toLowerCase();
          })[0];
          if (!n) return nullObject();
          return {
            isNullObject: false,
            load: self,
            getRangeOrNullObject: function () {
              var body = n.formula.replace(/^=/, "");
              var bang = body.lastIndexOf("!");
              if (bang < 0) return nullObject();
              return ctx.rangeObject(sheetByName(body.slice(0, bang).replace(/^'|'$/g, "")), body.slice(bang + 1));
            },
          };
        },
        add: function (name, formula) {
          ctx.write("names.add", [name, formula], function () {
            state.names.push({ name: name, formula: formula });
          });
        },
      }),
      protection: { protected: false, load: self },
      application: { calculationMode: state.calculationMode, load: self },
      // Worksheet functions (ExcelApi 1.2): DATE only, the pane's date-system probe; a 1900 workbook.
      functions: {
        date: function (year, month, day) {
          return { value: Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000), error: "", load: self };
        },
      },
      getSelectedRange: function () {
        var bang = state.selection.lastIndexOf("!");
        return ctx.rangeObject(sheetByName(state.selection.slice(0, bang)), state.selection.slice(bang + 1));
      },
    };
  }
  function self() {
    return this;
  }
  /** What an *OrNullObject call gives when nothing is there; a path through it stays null. */
  function nullObject() {
    var n = { isNullObject: true, load: self };
    ["getRange", "getRangeOrNullObject", "getUsedRangeOrNullObject", "getMergedAreasOrNullObject"].forEach(function (m) {
      n[m] = nullObject;
    });
    return n;
  }
  function collection(items, extra) {
    var c = {
      load: function () {
        c.items = items();
        return c;
      },
    };
    for (var k in extra) c[k] = extra[k];
    return c;
  }

  Context.prototype.write = function (op, data, apply) {
    state.log.push({ op: op, data: data });
    this.queue.push(apply);
  };
  /** While a test holds the syncs (state.holdSyncs()), each waits until state.releaseSyncs(). */
  state.held = null;
  state.holdSyncs = function () {
    var release;
    state.held = new Promise(function (resolve) {
      release = resolve;
    });
    state.releaseSyncs = function () {
      state.held = null;
      release();
    };
  };
  Context.prototype.sync = function () {
    var ctx = this;
    if (state.held) {
      return state.held.then(function () {
        return ctx.sync();
      });
    }
    state.syncs++;
    var queue = this.queue;
    this.queue = [];
    if (state.failNextSync) {
      var code = state.failNextSync;
      state.failNextSync = null;
      return Promise.reject(officeError(code));
    }
    try {
      queue.forEach(function (apply) {
        apply();
      });
    } catch (e) {
      return Promise.reject(e);
    }
    return Promise.resolve();
  };

  Context.prototype.sheetObject = function (sheet) {
    var ctx = this;
    var onSet = function (path, value) {
      ctx.write("sheet." + path, value, function () {});
    };
    return {
      get name() {
        return sheet.name;
      },
      set name(v) {
        ctx.write("sheet.name", v, function () {
          if (state.activeSheet === sheet.name) state.activeSheet = v;
          sheet.name = v;
        });
      },
      isNullObject: false,
      load: self,
      protection: { protected: sheet.protected, load: self },
      pageLayout: recorder(sheet.name + ".pageLayout", onSet),
      freezePanes: recorder(sheet.name + ".freezePanes", onSet),
      horizontalPageBreaks: recorder(sheet.name + ".horizontalPageBreaks", onSet),
      activate: function () {
        ctx.write("activate", sheet.name, function () {
          state.activeSheet = sheet.name;
        });
      },
      getRange: function (address) {
        return ctx.rangeObject(sheet, address || "A1:XFD1048576");
      },
      charts: collection(function () {
        return state.charts
          .filter(function (c) {
            return c.sheet === sheet;
          })
          .map(function (c) {
            return {
              name: c.name,
              delete: function () {
                ctx.write("chart.delete", c.name, function () {
                  state.charts.splice(state.charts.indexOf(c), 1);
                });
              },
            };
          });
      }, {
        add: function (type, source, seriesBy) {
          var chart = { sheet: sheet, type: type, seriesBy: seriesBy, series: [], name: "" };
          ctx.write("charts.add", [type, source.__address, seriesBy], function () {
            state.charts.push(chart);
          });
          return {
            set name(v) {
              chart.name = v;
            },
            title: recorder("chart.title", onSet),
            axes: recorder("chart.axes", onSet),
            format: recorder("chart.format", onSet),
            legend: recorder("chart.legend", onSet),
            setPosition: function (a, b) {
              ctx.write("chart.setPosition", [a, b], function () {});
            },
            series: {
              getItemAt: function () {
                return seriesObject(ctx, chart);
              },
              add: function (name) {
                var s = seriesObject(ctx, chart);
                s.name = name;
                return s;
              },
            },
          };
        },
      }),
      tables: collection(function () {
        return state.tables
          .filter(function (t) {
            return t.sheet === sheet;
          })
          .map(function (t) {
            return ctx.tableObject(t);
          });
      }, {
        add: function (source, hasHeaders) {
          // A bare address would mean the active sheet in Excel: the stand-in wants a Range.
          if (typeof source === "string") throw officeError("InvalidArgument");
          var address = source.__address;
          var table = { name: "Table" + (state.tables.length + 1), sheet: sheet, range: address };
          ctx.write("tables.add", [address, hasHeaders], function () {
            state.tables.push(table);
          });
          return ctx.tableObject(table);
        },
      }),
    };
  };

  function seriesObject(ctx, chart) {
    var s = { name: "", values: "", xValues: "" };
    ctx.write("series", null, function () {
      chart.series.push(s);
    });
    return {
      set name(v) {
        s.name = v;
      },
      format: recorder("series.format", function (path, value) {
        ctx.write(path, value, function () {});
      }),
      setValues: function (range) {
        s.values = range.__address;
      },
      setXAxisValues: function (range) {
        s.xValues = range.__address;
      },
    };
  }

  Context.prototype.tableObject = function (table) {
    var ctx = this;
    return {
      get name() {
        return table.name;
      },
      load: self,
      get worksheet() {
        return ctx.sheetObject(table.sheet);
      },
      set name(v) {
        ctx.write("table.name", v, function () {
          table.name = v;
        });
      },
      set style(v) {
        ctx.write("table.style", v, function () {
          table.style = v;
        });
      },
      delete: function () {
        ctx.write("table.delete", table.name, function () {
          state.tables.splice(state.tables.indexOf(table), 1);
        });
      },
    };
  };

  function typed(value, format) {
    if (value === null || value === undefined || value === "") return null;
    if (typeof value !== "string") return value;
    if (value.charAt(0) === "'") return value.slice(1);
    if (format === "@") return value;
    if (/^[=+\-@]/.test(value)) return { formula: value };
    if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value);
    return value;
  }

  Context.prototype.rangeObject = function (sheet, address) {
    var ctx = this;
    var rect = rectOf(address);
    function read(r) {
      var values = [];
      var types = [];
      for (var row = r.top; row <= r.bottom; row++) {
        var line = [];
        var t = [];
        for (var col = r.left; col <= r.right; col++) {
          var v = sheet.cells[row + "," + col];
          line.push(v === undefined || v === null ? "" : v);
          t.push(v === undefined || v === null ? "Empty" : typeof v === "number" ? "Double" : "String");
        }
        values.push(line);
        types.push(t);
      }
      return { values: values, valueTypes: types };
    }
    var small = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1) <= 100000;
    var data = small ? read(rect) : { values: [], valueTypes: [] };
    var range = {
      __address: addressOf(rect),
      address: qualify(sheet.name, addressOf(rect)),
      values: data.values,
      valueTypes: data.valueTypes,
      isNullObject: false,
      load: self,
      format: recorder("range.format", function (path, value) {
        ctx.write(path, value, function () {});
      }),
      dataValidation: recorder("range.dataValidation", function (path, value) {
        ctx.write(path, value, function () {});
      }),
      conditionalFormats: recorder("range.conditionalFormats", function (path, value) {
        ctx.write(path, value, function () {});
      }),
      getUsedRangeOrNullObject: function () {
        var used = null;
        Object.keys(sheet.cells).forEach(function (key) {
          var p = key.split(",").map(Number);
          if (p[0] < rect.top || p[0] > rect.bottom || p[1] < rect.left || p[1] > rect.right) return;
          used = used
            ? { top: Math.min(used.top, p[0]), left: Math.min(used.left, p[1]), bottom: Math.max(used.bottom, p[0]), right: Math.max(used.right, p[1]) }
            : { top: p[0], left: p[1], bottom: p[0], right: p[1] };
        });
        if (!used) return nullObject();
        return ctx.rangeObject(sheet, addressOf(used));
      },
      getMergedAreasOrNullObject: function () {
        return { isNullObject: true, address: "", load: self };
      },
      clear: function () {
        ctx.write("range.clear", address, function () {
          Object.keys(sheet.cells).forEach(function (key) {
            var p = key.split(",").map(Number);
            if (p[0] >= rect.top && p[0] <= rect.bottom && p[1] >= rect.left && p[1] <= rect.right) delete sheet.cells[key];
          });
        });
      },
    };
    function setter(prop) {
      return function (matrix) {
        ctx.write("range." + prop, { address: qualify(sheet.name, addressOf(rect)), rows: matrix.length }, function () {
          if (sheet.protected) throw officeError("AccessDenied");
          matrix.forEach(function (line, r) {
            line.forEach(function (v, c) {
              var key = rect.top + r + "," + (rect.left + c);
              if (prop === "numberFormat") sheet.formats[key] = v;
              else sheet.cells[key] = typed(v, sheet.formats[key]);
            });
          });
        });
      };
    }
    Object.defineProperty(range, "values", {
      get: function () {
        return data.values;
      },
      set: setter("values"),
    });
    Object.defineProperty(range, "formulas", { set: setter("formulas") });
    Object.defineProperty(range, "numberFormat", { set: setter("numberFormat") });
    return range;
  };

  window.CustomFunctions = {
    associate: function (id) {
      state.functions.push(id);
    },
    Error: function (code, message) {
      this.code = code;
      this.message = message;
    },
  };
  window.Office = {
    context: {
      displayLanguage: state.language,
      requirements: {
        isSetSupported: function () {
          return true;
        },
      },
    },
    onReady: function (callback) {
      var info = { host: "Excel", platform: "OfficeOnline" };
      return new Promise(function (resolve) {
        setTimeout(function () {
          if (callback) callback(info);
          resolve(info);
        }, 0);
      });
    },
  };
  window.Excel = {
    run: function (job) {
      var context = new Context();
      var before = state.syncs;
      var done = function () {
        state.runs.push(state.syncs - before);
      };
      return Promise.resolve()
        .then(function () {
          return job(context);
        })
        .then(function (result) {
          // Writes queued but never sent with a sync would be lost: record it as a fault.
          if (context.queue.length) state.log.push({ op: "unsent-writes", data: context.queue.length });
          done();
          return result;
        }, function (error) {
          done();
          throw error;
        });
    },
  };
})();
