// Every visible string in English: the parts' dictionaries as one. The app loads it through loadMessages; tests and
// callers that speak English only (sla.ts's englishT) import it.
import { en as shared } from '../../shared/i18n/en';
import { en as shell } from '../../shell/i18n/en';
import { en as auth } from '../../features/auth/i18n/en';
import { en as accounts } from '../../features/accounts/i18n/en';
import { en as tiering } from '../../features/tiering/i18n/en';
import { en as portfolio } from '../../features/portfolio/i18n/en';
import { en as complaints } from '../../features/complaints/i18n/en';
import { en as complaintInsights } from '../../features/complaintInsights/i18n/en';
import { en as webhooks } from '../../features/webhooks/i18n/en';
import { en as apiClients } from '../../features/apiClients/i18n/en';
import { en as revenue } from '../../features/revenue/i18n/en';
import { en as users } from '../../features/users/i18n/en';
import { en as audit } from '../../features/audit/i18n/en';
import { en as plans } from '../../features/plans/i18n/en';
import { en as surveys } from '../../features/surveys/i18n/en';
import { en as today } from '../../features/today/i18n/en';
import { en as referenceData } from '../../features/referenceData/i18n/en';
import { en as jobs } from '../../features/jobs/i18n/en';

/** The parts, by name (messages.test.ts checks that no key is in two of them). */
export const parts = { shared, shell, auth, accounts, tiering, portfolio, complaints, complaintInsights, webhooks, revenue, users, audit, apiClients, plans, surveys, today, referenceData, jobs };

export const en = { ...shared, ...shell, ...auth, ...accounts, ...tiering, ...portfolio, ...complaints, ...complaintInsights, ...webhooks, ...revenue, ...users, ...audit, ...apiClients, ...plans, ...surveys, ...today, ...referenceData, ...jobs };
