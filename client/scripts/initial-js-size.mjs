// The login page's JavaScript before any interaction (the entry and every chunk it imports statically, transitively;
// import() chunks load later): at most 350 KB gzipped.
import { checkBudget } from './js-budget.mjs';

checkBudget({ page: 'index.html', label: 'Initial JavaScript of the login page', budgetKb: 350 });
