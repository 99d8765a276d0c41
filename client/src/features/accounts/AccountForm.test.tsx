import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { ApiProblem } from '../../shared/problem';
import { SLOW, chooseOption, fakeApiPerTest, json, renderWithProviders, setupUser, type TestUser } from '../../test';
import type { AccountDto } from '../../api/client';
import { AccountForm } from './AccountForm';

const api = fakeApiPerTest();
const lists = [
  { kind: 'Industry', code: 'manufacturing', labelZh: '制造业', labelEn: 'Manufacturing', sortOrder: 10, isActive: true, updatedAt: '2026-12-01T00:00:00Z', version: 1 },
  { kind: 'Region', code: 'east-china', labelZh: '华东', labelEn: 'East China', sortOrder: 10, isActive: true, updatedAt: '2026-12-01T00:00:00Z', version: 1 },
  { kind: 'Segment', code: 'enterprise', labelZh: '大型企业', labelEn: 'Enterprise', sortOrder: 10, isActive: true, updatedAt: '2026-12-01T00:00:00Z', version: 1 },
];

function renderForm(onSubmit = vi.fn().mockResolvedValue(undefined)) {
  api.on('GET', '/api/v1/reference-data', json(200, lists));
  renderWithProviders(<AccountForm onSubmit={onSubmit} />);
  return onSubmit;
}

async function fillRequired(user: TestUser) {
  await user.type(screen.getByLabelText('Name'), '华东精密制造有限公司');
  await user.type(screen.getByLabelText('Registration number'), '91310000MA1FL1234X');
  // Picked from the managed lists by label; the form sends the codes.
  await chooseOption(user, 'Industry', 'Manufacturing');
  await chooseOption(user, 'Region', 'East China');
  await chooseOption(user, 'Segment', 'Enterprise');
}

describe('AccountForm', () => {
  it('mirrors the API: required fields block submission', async () => {
    const user = setupUser();
    const onSubmit = renderForm();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getAllByText('Required').length).toBeGreaterThanOrEqual(5));
    expect(onSubmit).not.toHaveBeenCalled();
  }, SLOW);

  it('mirrors the API: strategic fit must be 1–5 and the amount not negative', async () => {
    const user = setupUser();
    const onSubmit = renderForm();
    await fillRequired(user);
    await user.type(screen.getByLabelText('Strategic fit (1–5)'), '7');
    await user.type(screen.getByLabelText('Potential annual revenue'), '-5');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    // Both messages render after validation; on a loaded machine the second may come a frame later.
    await waitFor(
      () => {
        expect(screen.getByText('Between 1 and 5')).toBeInTheDocument();
        expect(screen.getByText('Zero or more')).toBeInTheDocument();
      },
      { timeout: 10_000 },
    );
    expect(onSubmit).not.toHaveBeenCalled();
  }, SLOW);

  it('sends the profile as the API expects it (money amount as a decimal string)', async () => {
    const user = setupUser();
    const onSubmit = renderForm();
    await fillRequired(user);
    await user.type(screen.getByLabelText('Potential annual revenue'), '1200000.5');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]![0]).toMatchObject({
      name: '华东精密制造有限公司',
      registrationNumber: '91310000MA1FL1234X',
      status: 'Active',
      potentialAnnualRevenue: { amount: '1200000.50', currency: 'CNY' },
      industry: 'manufacturing',
      region: 'east-china',
      segment: 'enterprise',
    });
  }, SLOW);

  it('places the API’s field errors on the fields they name', async () => {
    const user = setupUser();
    const onSubmit = renderForm(
      vi.fn().mockRejectedValue(
        ApiProblem.from(409, {
          code: 'registration-number-taken',
          title: 'Registration number taken',
          status: 409,
          detail: 'Another account already has this registration number.',
          errors: { registrationNumber: [{ code: 'registration-number-taken', message: 'Another account already has this registration number.' }] },
        }),
      ),
    );
    await fillRequired(user);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    const field = screen.getByLabelText('Registration number').closest('.ant-form-item');
    await waitFor(() => expect(field).toHaveTextContent('Another account already has this registration number.'));
    expect(screen.getByRole('alert')).toHaveTextContent('Another account already has this registration number.');
  }, SLOW);

  const validation = () =>
    ApiProblem.from(400, {
      code: 'validation',
      detail: 'One or more fields are invalid.',
      errors: {
        name: [{ code: 'too-long', message: 'The length of Name must be 200 characters or fewer.', args: { max: 200 } }],
        industry: [{ code: 'a-code-from-a-newer-server', message: 'Industry is not in the list.' }],
        ownerId: [{ code: 'unknown-reference', message: 'The owner must be an active account manager or director.' }],
      },
    });

  for (const [locale, texts] of [
    ['zh-CN', { name: '名称', tooLong: '最多 200 个字符。', alert: '部分字段需要修改。', owner: '客户经理：不存在，或您无权查看。', save: /保\s*存/ }],
    ['en', { name: 'Name', tooLong: 'At most 200 characters.', alert: 'Some fields need attention.', owner: 'Owner: Does not exist, or you cannot see it.', save: /Save/ }],
  ] as const) {
    it(`translates field errors by their code, with their arguments, in ${locale}; an unknown code keeps the English text`, async () => {
      const user = setupUser();
      const onSubmit = vi.fn().mockRejectedValue(validation());
      api.on('GET', '/api/v1/reference-data', json(200, lists));
      renderWithProviders(<AccountForm onSubmit={onSubmit} initial={account} />, { locale });
      await user.click(screen.getByRole('button', { name: texts.save }));
      await waitFor(() => expect(onSubmit).toHaveBeenCalled());
      const name = document.getElementById('name')!.closest('.ant-form-item');
      await waitFor(() => expect(name).toHaveTextContent(texts.tooLong));
      expect(document.getElementById('industry')!.closest('.ant-form-item')).toHaveTextContent('Industry is not in the list.');
      const alert = screen.getByRole('alert');
      expect(alert).toHaveTextContent(texts.alert);
      // The owner is not a field of the form: said above it, with the field's name.
      expect(alert).toHaveTextContent(texts.owner);
    });
  }
});

/** An account to edit: every required field filled, so the form sends at once. */
const account = {
  id: 'a1',
  name: '华东精密制造有限公司',
  registrationNumber: '91310000MA1FL1234X',
  industry: 'manufacturing',
  region: 'east-china',
  segment: 'enterprise',
  status: 'Active',
  ownerId: 'u1',
} as unknown as AccountDto;
