import { render } from 'preact';
import { browser } from 'wxt/browser';
import { I18n, type Translate } from '../../components/i18n';
import { CaseDb } from '../../lib/db';
import { App } from './App';

const t: Translate = (key, substitutions) => browser.i18n.getMessage(key, substitutions?.map(String)) || key;

document.documentElement.lang = browser.i18n.getUILanguage();
render(
  <I18n.Provider value={t}>
    <App db={new CaseDb()} />
  </I18n.Provider>,
  document.getElementById('app')!,
);
