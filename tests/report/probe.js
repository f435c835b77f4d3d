// Measures the ranking tables of a report as laid out at the width of an A4
// page's text (check_report.sh opens the report in a window that wide): for
// each applicant, how many lines its name takes, how many words of its
// status are broken across two lines, and whether the status overflows its
// cell. The result goes into the body's data-probe attribute, one
// "LINES BROKEN fits|overflow" per row, rows separated by '|'.
window.addEventListener('load', () => {
  const rows = [];
  const lines = (el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
  };
  for (const tr of document.querySelectorAll('table.ranking tr')) {
    const who = tr.querySelector('td.who');
    const status = tr.querySelector('td.status');
    if (!who || !status) {
      continue;
    }
    let broken = 0;
    const walker = document.createTreeWalker(status, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.data.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) {
          broken++;
        }
      }
    }
    rows.push(`${lines(who)} ${broken} ${status.scrollWidth > status.clientWidth ? 'overflow' : 'fits'}`);
  }
  document.body.setAttribute('data-probe', rows.join('|'));
});
