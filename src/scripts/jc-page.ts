/**
 * The one client entry of /journal-club/: the power lab and the KM sandbox (the presenter has its
 * own page, /journal-club/presenter/, which loads jc-presenter.ts).
 * One bundle (not one script per component) so that Astro never inlines a small one into the
 * HTML: every script stays an external file, as a strict Content Security Policy requires.
 */
import './jc-power-lab.ts';
import './jc-km-sandbox.ts';
