// Live character count for message boxes: <textarea data-count> with maxlength shows "n of max characters"
// beside it as the person types, announced politely to screen readers only when they pause.
(function () {
    function attach(box) {
        var max = parseInt(box.getAttribute('maxlength'), 10);
        if (!max) { return; }
        var counter = document.createElement('span');
        counter.className = 'char-count';
        counter.setAttribute('aria-live', 'polite');
        counter.setAttribute('data-testid', 'char-count');
        var spanish = document.documentElement.lang === 'es';
        function update() {
            var used = box.value.length;
            counter.textContent = spanish ? used + ' de ' + max + ' caracteres' : used + ' of ' + max + ' characters';
            counter.classList.toggle('char-count-near', used >= max * 0.9);
        }
        box.insertAdjacentElement('afterend', counter);
        box.addEventListener('input', update);
        update();
    }
    document.querySelectorAll('textarea[data-count]').forEach(attach);
})();
