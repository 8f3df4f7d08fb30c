// Shows the appraisal's suggested offer as the appraiser types (market − reconditioning − margin), so the
// working is visible before the offer goes out. The server computes the figure again; this is only a preview.
(function () {
    var form = document.querySelector('form[data-testid="appraisal-form"]');
    var out = document.getElementById('live-suggestion');
    if (!form || !out) { return; }
    function amount(text) {
        var cleaned = (text || '').replace(/[^0-9.\-]/g, '');
        if (cleaned === '') { return 0; }
        var value = Number(cleaned);
        return isFinite(value) ? Math.round(value * 100) : NaN;
    }
    function update() {
        var market = amount(form.elements.marketValue.value);
        var margin = amount(form.elements.margin.value);
        var recon = 0;
        form.querySelectorAll('input[name="reconCost"]').forEach(function (box) { recon += amount(box.value); });
        if (isNaN(market) || isNaN(margin) || isNaN(recon) || form.elements.marketValue.value.trim() === '') {
            out.textContent = '';
            return;
        }
        var cents = market - recon - margin;
        var text = (Math.abs(cents) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
        out.textContent = cents < 0 ? ': below zero (−' + text + '), check the figures' : ' = ' + text;
        out.setAttribute('data-testid', 'live-suggestion');
    }
    form.addEventListener('input', update);
    update();
})();
