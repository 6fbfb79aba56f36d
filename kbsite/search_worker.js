// The site's search, in the place of mkdocs-material's search worker (same messages, same UI).
//
// Material's worker (lunr) ranks a section by the sum of its matching terms, a title match
// weighing a thousand times a text match: a page that matches one word of a question in a
// title outranks the section that contains the whole phrase, and a misspelled word, a word in
// traditional script or a Chinese word that is part of a longer one finds nothing. This
// worker reads the same index (search_index.json, written by material's search plugin) and
// ranks each section by (each rule is described where it is applied):
//   - the words: each query word (stop words such as "how", "why", "my" aside) weighted by its
//     rarity and by where the section holds it: among its concept's terms (heading, Chinese
//     terms, synonyms), in its title, in its prose (BM25), in its code blocks (less); matching
//     as typed, by its stem, as a prefix, within one or two typos, cut into words when typed
//     without spaces ("crossentropy", "CrossEntropyLoss") or joined when typed with one
//     ("rms prop"); Chinese by character pairs, in either script, question particles aside;
//   - coverage: times the share of the query's words it holds, squared;
//   - proximity: the query's neighbouring words found next to each other in the section;
//   - the phrase: the query as typed in the title or a synonym, else in the text;
//   - the concept's terms: a heading term, Chinese term or synonym equal to the query first,
//     then one equal to it by stems or once its typos are read as the words meant, then a
//     Chinese term one character away, then a concept named inside a longer question.
// Pages that list concepts (glossary, indexes) and the API reference come after the sections
// that explain them; a page ranks by its best section. A result shows the start of its
// section's prose, not the whole section.
//
// It relies on material's worker protocol (kbsite/upstream.py says which release and tests it).
/* global TRADITIONAL, LISTS */
(function () {
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;  // material's SearchMessageType
  // Words that name nothing the notes explain: a question's own words ("how", "why", "does",
  // "my"), auxiliary verbs ("has", "was", "would"), articles, prepositions. Left out of the
  // query's words (not of its phrase).
  var STOP = new Set(("a an and are as at be by can do does for from how i in is it its my of on or " +
    "should the this to use what when where which why with vs versus me we you your has have had was were will would could did").split(" "));
  var BRITISH = /(regular|normal|optim|initial|general|minim|maxim|visual|parameter|standard|vector|random|summar|character|real|special|stabil|local)is(?=ation|e|ed|er|ers|es|ing)/g;
  var HAN = /[\u3400-\u9fff]/;
  // Chinese question words and particles: like the English stop words, they name no concept
  // ("BN层的作用", "为什么训练集上表现好").
  var ZH_STOP = /为什么|什么|怎么样|怎么|怎样|如何|哪些|哪个|是否|有没有|的|了|吗|呢|吧/g;
  // How much a query word counts where a section holds it: among the concept's terms (heading,
  // Chinese terms, synonyms), in the section's title, and in its text (BM25, from 0 to 2.2), a
  // word in a code block counting CODE times one in the prose.
  var TERM = 4, TITLE = 3, CODE = 0.5;
  var NEAR = 2.5;  // the weight of two query words found next to each other (see near)
  var COVER = 2;  // a section's score is multiplied by the share of the query's words it holds, to this power
  var TEASER = 400;  // the characters of its text that a result shows (see teaser)
  var OTHERS = 0.05;  // a page's rank: its best section's score plus this share of its other sections'
  var docs = [], vocab = new Map(), pages = new Map(), words = [], byLetter = new Map(), postings = new Map();
  var ids = new Map();  // unit -> number, for the sections' unit sequences (term proximity)

  function simplified(text) {
    return text.replace(/[\u3400-\u9fff]/g, function (c) { return TRADITIONAL[c] || c; });
  }
  function plain(html) {
    return simplified(math(String(html).replace(/<[^>]+>/g, " ").replace(/&lt;/g, "<").replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&").replace(/&quot;/g, "\"").replace(/&#39;/g, "'").replace(/\u200b/g, ""))
      .toLowerCase().replace(/\s+/g, " ").trim());
  }
  // Formulas as a reader types them: the notes' TeX says \ln(1 + e^{x}) and \lVert w \rVert,
  // a query log(1 + exp(x)) and ||w||. Both sides get the same words (log, exp, norm), and TeX's
  // layout commands (\boldsymbol, \frac, \left...) are no words of either (\hat is one: "y hat").
  function math(text) {
    return text.replace(/\\ln(?![a-zA-Z])/g, " log ").replace(/(^|[^a-zA-Z0-9_\\])e\^/g, "$1 exp ")
      .replace(/\\[lr]Vert(?![a-zA-Z])|\\\||\|\|/g, " norm ")
      .replace(/\\(boldsymbol|mathbf|mathrm|mathcal|mathbb|operatorname|text|textrm|left|right|[bB]igg?[lr]?|q?quad|[tdc]?frac|cdot|[lc]?dots|approx|le|ge|leq|geq|to|top|mid|underbrace|overbrace|[lr]angle)(?![a-zA-Z])/g, " ");
  }
  function stem(w) {
    if (w.length < 5 || /[^a-z]/.test(w)) return w;
    return w.replace(/(ies)$/, "y").replace(/(sses|ss)$/, "ss").replace(/([^su])s$/, "$1")
      .replace(/(ization|isation)$/, "ize").replace(/(ations?|ing|ed|er|ly|ness|ment)$/, "")
      .replace(/(.)\1$/, "$1").replace(/e$/, "")
      .replace(/([a-z]{4})at$/, "$1");  // approximate, approximation: approxim
  }
  // The units of a text: English words (code names whole and in parts), Chinese character pairs.
  function units(text) {
    var out = [];
    (text.match(/[a-z0-9]+(?:[._'][a-z0-9]+)*|[\u3400-\u9fff]+/g) || []).forEach(function (t) {
      if (HAN.test(t)) {
        if (t.length === 1) out.push(t);
        for (var i = 0; i + 1 < t.length; i++) out.push(t.slice(i, i + 2));
      } else {
        out.push(stem(t));
        if (/[._]/.test(t)) t.split(/[._']/).forEach(function (p) { if (p) out.push(stem(p)); });
      }
    });
    return out;
  }
  function key(text) {  // a term's words as stems, stop words left out: "batch normalisation" = "batch normalization"
    return units(text.split(" ").filter(function (w) { return !STOP.has(w); }).join(" ")).join(" ");
  }
  function count(list) {
    var m = new Map();
    list.forEach(function (u) { m.set(u, (m.get(u) || 0) + 1); });
    return m;
  }
  function typos(a, b, most) {  // edit distance (with transpositions) up to `most`, else most + 1
    if (Math.abs(a.length - b.length) > most) return most + 1;
    var prev = [], cur = [], before = [];
    for (var j = 0; j <= b.length; j++) prev[j] = j;
    for (var i = 1; i <= a.length; i++) {
      cur = [i];
      var low = i;
      for (j = 1; j <= b.length; j++) {
        var c = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) c = Math.min(c, before[j - 2] + 1);
        cur[j] = c;
        low = Math.min(low, c);
      }
      if (low > most) return most + 1;
      before = prev; prev = cur;
    }
    return prev[b.length];
  }

  function setup(data) {
    data.docs.forEach(function (raw) {
      var title = plain(raw.title || ""), text = plain(raw.text || "");
      var terms = [];
      var heading = title.match(/^(.*?)\s*\((.*)\)$/);
      if (heading) {
        terms.push(heading[1]);
        heading[2].split("/").forEach(function (t) { terms.push(t.trim()); });
      } else terms.push(title);
      var named = terms.length;  // the terms of the heading, before the synonyms
      // the synonyms: the section's first paragraph, "Also known as: a · b · c" (read from the
      // HTML, where the paragraph ends; in the plain text the last synonym runs into the prose)
      var aka = String(raw.text || "").match(/^\s*<p\b[^>]*>also known as: ([\s\S]*?)<\/p>/i);
      if (aka) plain(aka[1]).split(" · ").forEach(function (t) { terms.push(t.trim()); });
      var page = raw.location.split("#")[0];
      var doc = {
        raw: raw, page: page, title: title, text: text, terms: terms, keys: terms.map(key), named: named,
        concept: Boolean(aka || (heading && HAN.test(heading[2]))),  // a concept's section, not a subsection
        list: LISTS.indexOf(page) >= 0, api: page.indexOf("reference/") === 0 && page !== "reference/",
        u: { title: count(units(title)) }
      };
      // an API function's name weighs as a title, not as the name of what the notes explain
      doc.u.terms = doc.api ? new Map() : count(units(terms.join(" ")));
      // The prose and the code blocks apart: half of the notes' text is code, whose names and
      // comments count for a query less than the sentences around them (see CODE).
      var html = String(raw.text || ""), code = [];
      var prose = units(plain(html.replace(/<pre[\s\S]*?<\/pre>/g, function (block) { code.push(block); return " "; })));
      code = units(plain(code.join(" ")));
      doc.u.text = count(prose);
      count(code).forEach(function (tf, u) { doc.u.text.set(u, (doc.u.text.get(u) || 0) + CODE * tf); });
      doc.length = prose.length + CODE * code.length;
      var seq = units(title).concat([""], prose, [""], code);  // "" keeps heading, prose and code apart
      doc.seq = new Int32Array(seq.length);
      seq.forEach(function (u, i) {
        if (!ids.has(u)) ids.set(u, ids.size);
        doc.seq[i] = ids.get(u);
      });
      docs.push(doc);
      if (!pages.has(page)) pages.set(page, []);
      pages.get(page).push(doc);
    });
    var lengths = 0;
    docs.forEach(function (doc) { lengths += doc.length; });
    var average = lengths / Math.max(1, docs.length);
    docs.forEach(function (doc, n) {  // for each unit, the sections that hold it and how much it counts there
      new Set([].concat(Array.from(doc.u.terms.keys()), Array.from(doc.u.title.keys()), Array.from(doc.u.text.keys())))
        .forEach(function (u) {
          var tf = doc.u.text.get(u) || 0;
          var weight = TERM * (doc.u.terms.has(u) ? 1 : 0) + TITLE * (doc.u.title.has(u) ? 1 : 0) +
            tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * doc.length / average));  // BM25 in the text
          vocab.set(u, (vocab.get(u) || 0) + 1);
          if (!postings.has(u)) postings.set(u, []);
          postings.get(u).push([n, weight]);
        });
    });
    words = Array.from(vocab.keys()).filter(function (u) { return !HAN.test(u); }).sort();
    words.forEach(function (w) {
      if (!byLetter.has(w[0])) byLetter.set(w[0], []);
      byLetter.get(w[0]).push(w);
    });
  }

  function prefixed(u) {  // the vocabulary's words that start with u (sorted: a binary search)
    var lo = 0, hi = words.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (words[mid] < u) lo = mid + 1; else hi = mid; }
    var out = [];
    for (var i = lo; i < words.length && words[i].indexOf(u) === 0 && out.length < 40; i++) out.push(words[i]);
    return out;
  }

  // A word typed without its spaces ("crossentropyloss"), cut into the fewest vocabulary words
  // of three letters or more; null when it cannot be.
  function pieces(u, shortest) {
    if (u.length > 40) return null;
    var best = [[]];
    for (var end = shortest; end <= u.length; end++)
      for (var start = 0; start <= end - shortest; start++)
        if (best[start] && vocab.has(stem(u.slice(start, end))) &&
            (!best[end] || best[end].length > best[start].length + 1))
          best[end] = best[start].concat([u.slice(start, end)]);
    return best[u.length] && best[u.length].length > 1 ? best[u.length] : null;
  }

  // Each query unit, with the vocabulary units it matches and how well (1 as typed or by stem,
  // 0.7 as a prefix, 0.5 with a typo); a word typed without its space is read as its words.
  // `best` is the unit it most likely means (for a concept's term typed with a typo).
  function expand(query) {
    var found = [];
    function add(u, match) {
      // its weight: the rarity of the word as typed when the notes hold it (a common word does not
      // become rare through the rare words it begins), else of its best guess
      var weight = match.get(u) === 1 ? idf(u) : 0, best = u, df = -1;
      match.forEach(function (strength, v) {
        if (match.get(u) !== 1) weight = Math.max(weight, strength * idf(v));
        if (strength === 1) { if (df !== Infinity) { best = v; df = Infinity; } }
        else if (vocab.get(v) > df) { best = v; df = vocab.get(v); }  // the most common of the guesses
      });
      found.push({ unit: u, match: match, weight: weight || 1, best: best });
    }
    var typed = query.match(/[a-z0-9]+(?:[._'][a-z0-9]+)*|[\u3400-\u9fff]+/g) || [];
    // two words that the notes write as one ("rms prop", "drop out", "mini batch"): each of the
    // two also matches the joined word
    var joined = new Map();
    for (var i = 0; i + 1 < typed.length; i++) {
      var both = stem(typed[i] + typed[i + 1]);
      if (/^[a-z]+$/.test(both) && both.length >= 6 && vocab.has(both) &&
          !STOP.has(typed[i]) && !STOP.has(typed[i + 1])) { joined.set(i, both); joined.set(i + 1, both); }
    }
    typed.forEach(function (word, at) {
      if (STOP.has(word) && !HAN.test(word)) return;
      units(word).forEach(function (u) {
        var match = new Map();
        if (vocab.has(u)) match.set(u, 1);
        if (!HAN.test(u)) {
          if (u.length >= 3) prefixed(u).forEach(function (v) { if (!match.has(v)) match.set(v, 0.7); });
          // a word typed without its spaces, in words of four letters or more ("crossentropy"),
          // else a word within one typo (two for long words), else in words of three letters
          var split = !match.size && u.length >= 8 && pieces(u, 4), most = u.length >= 8 ? 2 : 1;
          // (or a word's stem that the typed word begins with, within one typo: "normalizaton")
          if (!split && !match.size && u.length >= 5)
            (byLetter.get(u[0]) || []).forEach(function (v) {
              if (typos(u, v, most) <= most) match.set(v, 0.5);
              else if (v.length >= 5 && u.length > v.length && u.length <= v.length + 5 &&
                       typos(u.slice(0, v.length), v, 1) <= 1) match.set(v, 0.4);
            });
          if (!split && !match.size && u.length >= 6) split = pieces(u, 3);
          if (split) {
            split.forEach(function (piece) { add(piece, new Map([[stem(piece), 1]])); });
            return;
          }
        }
        if (joined.has(at)) match.set(joined.get(at), 1);
        add(u, match);
      });
    });
    return found;
  }

  function idf(v) {  // rarer units count more
    var n = vocab.get(v) || 0;
    return Math.log(1 + (docs.length - n + 0.5) / (n + 0.5));
  }

  function within(query, term) {  // the term, as whole words, inside the query
    if (term.length < 3 || term === query) return false;
    var at = query.indexOf(term);
    if (at < 0) return false;
    if (HAN.test(term)) return true;
    var before = query[at - 1], after = query[at + term.length];
    return !(before && /[a-z0-9]/.test(before)) && !(after && /[a-z0-9]/.test(after));
  }

  // Term proximity: for each query unit, the unit before it in the query (or the one before
  // that, the section skipping a word of the query: "smoothed ReLU" for "smooth version of relu")
  // found just before it in the section, at most two words between ("mean and variance").
  // Chinese character pairs that follow each other in the query and in the text count the same.
  // Returns, for each unit, the unit it follows (-1 when none).
  function near(doc, owner, n) {
    var last = new Int32Array(n).fill(-10), found = new Int32Array(n).fill(-1), seq = doc.seq;
    for (var p = 0; p < seq.length; p++) {
      var mine = owner.get(seq[p]);
      if (!mine) continue;
      for (var k = 0; k < mine.length; k++) {
        var i = mine[k];
        if (i > 0 && last[i - 1] < p && p - last[i - 1] <= 3) found[i] = i - 1;
        else if (i > 1 && found[i] < 0 && last[i - 2] < p && p - last[i - 2] <= 3) found[i] = i - 2;
        last[i] = p;
      }
    }
    return found;
  }

  // Each section's score: the matched units, weighted by rarity and where they stand, times the
  // share of the query's units it holds (squared: a section holding all the words of a query
  // comes before one holding some); then the query's neighbouring words found together, the
  // phrase, the concept's terms; lists and the API reference last.
  function scores(parts, phrases) {
    var meant = parts.map(function (p) { return p.best; }).join(" ");  // typos read as the words meant
    var chinese = /^[\u3400-\u9fff]{3,8}$/.test(phrases[phrases.length - 1]) && phrases[phrases.length - 1];
    // totals: each section's sum over the query's units of the best match's rarity times its
    // weight there; hits: how many of the query's units it holds; owner: unit id -> query units
    var totals = new Float64Array(docs.length), hits = new Uint8Array(docs.length), owner = new Map();
    parts.forEach(function (part, i) {
      var best = new Map();
      part.match.forEach(function (strength, v) {
        var w = strength * idf(v);
        if (ids.has(v)) {
          var id = ids.get(v);
          if (!owner.has(id)) owner.set(id, []);
          owner.get(id).push(i);
        }
        (postings.get(v) || []).forEach(function (p) {
          var s = w * p[1];
          if (s > (best.get(p[0]) || 0)) best.set(p[0], s);
        });
      });
      best.forEach(function (s, n) { totals[n] += s; hits[n]++; });
    });
    var out = new Map();
    totals.forEach(function (total, n) {
      if (!total) return;
      var doc = docs[n];
      total *= Math.pow(hits[n] / parts.length, COVER);  // the share of the query words it holds
      if (hits[n] >= 2) {
        var found = near(doc, owner, parts.length);
        for (var i = 1; i < parts.length; i++) {
          if (found[i] >= 0) total += NEAR * (parts[found[i]].weight + parts[i].weight);
        }
      }
      // The query is a concept's heading, Chinese term or synonym: first. The heading of another
      // section (a page, a subsection, an API function) equal to the query counts less.
      var exact = false;
      phrases.forEach(function (q, k) {
        var at = doc.terms.indexOf(q);
        // the heading's English and first Chinese term, then its other Chinese terms, then synonyms;
        // the query as typed before its content words alone ("why relu": the heading Why ReLU first)
        if (at >= 0) {
          total += (!doc.concept ? 100 : at < 2 ? 1000 : at < doc.named ? 980 : 900) * (k ? 0.9 : 1);
          exact = true;
        }
        // the query as typed in the title or the text (its content words alone, stop words taken
        // out, are no phrase the notes would write; proximity counts them)
        else if (k > 0 || q.length < 3) return;
        else if (doc.title.indexOf(q) >= 0 || doc.terms.some(function (t) { return t.indexOf(q) >= 0; }))
          total = total * 3 + 20;  // in the title or in one of the concept's synonyms
        else if (doc.text.indexOf(q) >= 0) total = total * 2 + 10;
      });
      // The same by stems, with each misspelled word read as the word it most likely means
      // ("early stoping", "adversarial example"): next after an exact match.
      if (!exact && doc.concept && doc.keys.indexOf(meant) >= 0) total += 600;
      // A Chinese query one character away from a concept's Chinese term ("对抗性训练" for 对抗训练):
      // a typo in a word that has no spaces to cut it into words.
      else if (!exact && doc.concept && chinese && doc.terms.some(function (t) {
        return HAN.test(t) && Math.abs(t.length - chinese.length) <= 1 && typos(chinese, t, 1) <= 1;
      })) total += 400;
      // A term of the concept named inside the question ("how does gradient descent work"), by the
      // number of the query's words it names, times the share of the query it is: one common word
      // of a longer question ("loss" in "loss goes to nan") says little about what is asked.
      var inside = 0;
      if (doc.concept) doc.terms.forEach(function (t, k) {
        if (phrases.some(function (q) { return within(q, t); })) inside = Math.max(inside, doc.keys[k].split(" ").length);
      });
      total += 15 * inside * Math.min(1, inside / parts.length);
      if (doc.list) total *= 0.3;
      // The API reference: a function's entry comes after the sections that explain what it
      // computes, even when the query names the function (its heading then still beats the rest).
      if (doc.api) total *= 0.4;
      out.set(doc, total);
    });
    return out;
  }

  // What a result shows of its section: its first paragraphs, up to about TEASER characters,
  // without code blocks or displayed formulas. Material's search box puts the text it gets into
  // the page whole; a section's full text (up to 30,000 characters, half of it code) made each
  // answer slow to show and to mark.
  function teaser(doc) {
    if (doc.teaser === undefined) {
      var html = String(doc.raw.text || "").replace(/<pre[\s\S]*?<\/pre>/g, " ");
      var blocks = html.match(/<(p|ul|ol|table|blockquote|div)\b[\s\S]*?<\/\1>/g) || [html];
      var out = "", length = 0;
      for (var i = 0; i < blocks.length && length < TEASER; i++) {
        out += blocks[i];
        length += blocks[i].replace(/<[^>]+>/g, "").length;
      }
      doc.teaser = out;
    }
    return doc.teaser;
  }

  function mark(html, parts) {
    var words = [];
    parts.forEach(function (p) { p.match.forEach(function (s, v) { if (!HAN.test(v) && v.length > 2) words.push(v); }); });
    if (!words.length) return html;
    var find = new RegExp("\\b(" + words.join("|").replace(/[.]/g, "\\.") + ")", "gi");
    return html.replace(/(^|>)([^<]+)/g, function (m, a, text) { return a + text.replace(find, "<mark>$1</mark>"); });
  }

  function search(value) {
    // A name written in camel case that the notes do not hold whole is read as its words
    // ("CrossEntropyLoss": cross entropy loss).
    value = value.replace(/[A-Za-z][A-Za-z0-9]*/g, function (w) {
      var low = w.toLowerCase();
      return !/[a-z][A-Z]/.test(w) || vocab.has(low) || vocab.has(stem(low)) ? w
        : w.replace(/([a-z0-9])(?=[A-Z])/g, "$1 ").replace(/([A-Z])(?=[A-Z][a-z])/g, "$1 ");
    });
    var query = simplified(math(value).toLowerCase().replace(/\s+/g, " ").trim()).replace(BRITISH, "$1iz");
    if (!query) return { items: [] };
    var content = query.replace(ZH_STOP, " ").split(" ").filter(function (w) { return w && !STOP.has(w); }).join(" ");
    var phrases = [query].concat(content !== query && content ? [content] : []);
    var parts = expand(query.replace(ZH_STOP, " "));
    var scored = scores(parts, phrases);
    var groups = [];
    pages.forEach(function (sections, page) {
      var hits = sections.filter(function (d) { return scored.has(d); });
      if (!hits.length) return;
      hits.sort(function (a, b) { return scored.get(b) - scored.get(a); });
      var best = scored.get(hits[0]);
      var rank = best + OTHERS * hits.slice(1).reduce(function (s, d) { return s + scored.get(d); }, 0);
      var terms = {};
      parts.forEach(function (p) { terms[p.unit] = true; });
      var items = hits.map(function (d) {
        return { location: d.raw.location, title: d.raw.title, text: teaser(d),
                 tags: d.raw.tags, score: scored.get(d), terms: terms };
      });
      if (!hits.some(function (d) { return d.raw.location === page; })) {
        var article = sections.filter(function (d) { return d.raw.location === page; })[0];
        if (article) items.unshift({ location: page, title: article.raw.title, text: teaser(article), score: 0, terms: {} });
      }
      groups.push({ rank: rank, items: items });
    });
    groups.sort(function (a, b) { return b.rank - a.rank; });
    return { items: groups.slice(0, 50).map(function (g, n) {
      return n < 15 ? g.items.map(function (item) {  // the words found, marked where a reader looks first
        return Object.assign({}, item, { title: mark(item.title, parts), text: mark(item.text, parts) });
      }) : g.items;
    }) };
  }

  self.addEventListener("message", function (ev) {
    var message = ev.data;
    if (message.type === SETUP) {
      setup(message.data);
      self.postMessage({ type: READY });
    } else if (message.type === QUERY) {
      var result;
      try { result = search(String(message.data)); } catch (error) { console.warn(error); result = { items: [] }; }
      self.postMessage({ type: RESULT, data: result });
    }
  });
})();
