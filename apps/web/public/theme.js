/* global document */
document.documentElement.dataset.theme = localStorage.getItem('stowage-theme') ?? '';
