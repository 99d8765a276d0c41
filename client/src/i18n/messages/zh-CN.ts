// Every visible string in Simplified Chinese: the parts' dictionaries as one (a part left out does not compile).
import type { Messages } from '.';
import { zhCN as shared } from '../../shared/i18n/zh-CN';
import { zhCN as shell } from '../../shell/i18n/zh-CN';
import { zhCN as auth } from '../../features/auth/i18n/zh-CN';
import { zhCN as accounts } from '../../features/accounts/i18n/zh-CN';
import { zhCN as tiering } from '../../features/tiering/i18n/zh-CN';
import { zhCN as portfolio } from '../../features/portfolio/i18n/zh-CN';
import { zhCN as complaints } from '../../features/complaints/i18n/zh-CN';
import { zhCN as complaintInsights } from '../../features/complaintInsights/i18n/zh-CN';
import { zhCN as webhooks } from '../../features/webhooks/i18n/zh-CN';
import { zhCN as apiClients } from '../../features/apiClients/i18n/zh-CN';
import { zhCN as revenue } from '../../features/revenue/i18n/zh-CN';
import { zhCN as users } from '../../features/users/i18n/zh-CN';
import { zhCN as audit } from '../../features/audit/i18n/zh-CN';
import { zhCN as plans } from '../../features/plans/i18n/zh-CN';
import { zhCN as surveys } from '../../features/surveys/i18n/zh-CN';
import { zhCN as today } from '../../features/today/i18n/zh-CN';
import { zhCN as referenceData } from '../../features/referenceData/i18n/zh-CN';
import { zhCN as jobs } from '../../features/jobs/i18n/zh-CN';

/** The parts, by name (messages.test.ts checks that no key is in two of them). */
export const parts = { shared, shell, auth, accounts, tiering, portfolio, complaints, complaintInsights, webhooks, revenue, users, audit, apiClients, plans, surveys, today, referenceData, jobs };

export const zhCN: Messages = { ...shared, ...shell, ...auth, ...accounts, ...tiering, ...portfolio, ...complaints, ...complaintInsights, ...webhooks, ...revenue, ...users, ...audit, ...apiClients, ...plans, ...surveys, ...today, ...referenceData, ...jobs };
