import { useState } from 'react';
import { Alert, Button, Card, Space, Table, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/I18nProvider';
import { ApiProblem } from '../../shared/problem';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useProblemText } from '../../shared/problemText';
import { rowErrors, useImportRevenueCsv, type RevenueImportResult } from './revenueApi';
import { PageTitle } from '../../shell/PageTitle';
import { usePageTitle } from '../../shell/usePageTitle';

interface Chosen {
  name: string;
  text: string;
  rows: number;
}

/** The Director's revenue import: a CSV file sent as it is; the result, or every failing row with its problem. */
export default function RevenueImportPage() {
  usePageTitle('revenueImport.title');
  const { t } = useI18n();
  const text = useProblemText();
  const upload = useImportRevenueCsv();
  const [file, setFile] = useState<Chosen | null>(null);
  const [result, setResult] = useState<RevenueImportResult | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [error, setError] = useState<unknown>(null);

  // The file is read here; nothing is sent until Import.
  const choose = (f: File) => {
    const reader = new FileReader();
    reader.onload = () => {
      const content = String(reader.result ?? '');
      setFile({ name: f.name, text: content, rows: Math.max(0, content.split(/\r?\n/).filter((l) => l.trim() !== '').length - 1) });
      setResult(null);
      setProblem(null);
      setError(null);
    };
    reader.readAsText(f, 'utf-8');
    return false;
  };

  const send = async () => {
    if (!file) return;
    setResult(null);
    setProblem(null);
    setError(null);
    try {
      setResult(await upload.mutateAsync(file.text));
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 400 && Object.keys(e.errors).length > 0) setProblem(e);
      else setError(e);
    }
  };

  const rows = problem
    ? rowErrors(problem.errors).flatMap((r) => problem.errors[r.key]!.map((fe, i) => ({ id: `${r.key}#${i}`, line: r.line, field: r.field, message: text.field(fe, r.key) })))
    : [];

  return (
    <Card title={<PageTitle>{t('revenueImport.title')}</PageTitle>}>
      <Typography.Paragraph>{t('revenueImport.intro')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('revenueImport.columns')}</Typography.Paragraph>
      <Upload.Dragger accept=".csv,text/csv" multiple={false} showUploadList={false} beforeUpload={choose} data-testid="revenue-file">
        <p className="ant-upload-drag-icon"><InboxOutlined /></p>
        <p className="ant-upload-text">{file ? t('revenueImport.file', { name: file.name, rows: file.rows }) : t('revenueImport.drop')}</p>
      </Upload.Dragger>
      <Space style={{ margin: '16px 0' }}>
        <Button type="primary" disabled={!file} loading={upload.isPending} onClick={send} data-testid="revenue-import">
          {t('revenueImport.send')}
        </Button>
      </Space>
      <ProblemAlert error={error} />
      {result && <Alert type="success" showIcon data-testid="revenue-result" message={t('revenueImport.done', { ...result })} />}
      {problem && (
        <>
          <Alert type="error" showIcon style={{ marginBottom: 12 }} message={t('revenueImport.failed', { count: rows.length })} />
          <Table
            rowKey="id"
            size="small"
            data-testid="revenue-errors"
            dataSource={rows}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              { title: t('revenueImport.line'), dataIndex: 'line', width: 90, render: (v: number | null) => v ?? t('revenueImport.wholeFile') },
              { title: t('revenueImport.field'), dataIndex: 'field', width: 180, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
              { title: t('revenueImport.problem'), dataIndex: 'message' },
            ]}
          />
        </>
      )}
    </Card>
  );
}
