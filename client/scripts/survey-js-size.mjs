// The public survey page's budget (issue 13: under 50 KB of JavaScript, gzipped). The page has no lazy part, so
// anything it can load counts, dynamic imports included.
import { checkBudget } from './js-budget.mjs';

checkBudget({ page: 'survey.html', label: 'JavaScript of the survey page', budgetKb: 50, dynamic: true });
