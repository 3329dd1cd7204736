// jsdom has no layout: give elements the scrolling method the UI calls.
if (!Element.prototype.scrollIntoView) {
  Element.prototype.scrollIntoView = function scrollIntoView() {};
}
