/**
 * The one client entry of /journal-club/: the power lab, the KM sandbox and the presenter.
 * One bundle (not one script per component) so that Astro never inlines a small one into the
 * HTML: every script stays an external file, as a strict Content Security Policy requires.
 */
import './jc-power-lab.ts';
import './jc-km-sandbox.ts';
import './jc-presenter.ts';
