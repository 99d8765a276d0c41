// The entry of the public survey page (survey.html, served at /s/{token}): no framework, no login.
import './survey.css';
import { tokenFromPath } from './api';
import { SurveyPage } from './page';

const root = document.getElementById('survey');
if (root) {
  const page = new SurveyPage({ root, token: tokenFromPath(location.pathname), fetch: window.fetch.bind(window), browserLanguage: navigator.language });
  void page.start();
}
