// What the API found wrong with a submitted form, shown where the user looks for it: each field error on its field,
// and above the form the problem's message with the errors of fields the form does not have (their names said).
// Every form of the UI goes through this hook (the catalogue of messages: problemText.ts; the placing: toFormFields).
// A 412 is not the form's to say: the page's StaleVersionAlert says it.
import { useState } from 'react';
import type { FormInstance } from 'antd';
import { ApiProblem, toFormFields } from './problem';
import { useProblemText } from './problemText';
import { isStaleVersion } from './StaleVersion';

/** A field error placed on the form: its antd path and its messages in the user's language. */
export interface PlacedError {
  name: (string | number)[];
  errors: string[];
}

export interface FormErrorsOptions {
  /** The antd form to place field errors on. */
  form?: FormInstance;
  /** The API's field names (the first part of an error's path) that the form shows; the others are said above it. */
  fields: readonly string[];
  /** API field → form field, where the form names a field otherwise (the complaint's `assigneeId` is `assignee`). */
  rename?: Record<string, string>;
  /** Instead of (or besides) an antd form: where a custom form shows its placed errors (the policy editor's sections). */
  onPlaced?: (placed: PlacedError[]) => void;
}

export function useFormErrors({ form, fields, rename = {}, onPlaced }: FormErrorsOptions) {
  const text = useProblemText();
  const [problem, setProblem] = useState<unknown>(null);
  const [unplaced, setUnplaced] = useState<string[]>([]);

  const clear = () => {
    setProblem(null);
    setUnplaced([]);
  };

  return {
    /** The error to show above the form (null for none, and for a 412). */
    problem,
    /** Field errors no field of the form shows, with their field's name. */
    unplaced,
    /** Before sending again. */
    clear,
    /** From the submission's catch. */
    show(error: unknown) {
      if (isStaleVersion(error)) {
        clear();
        return;
      }
      if (error instanceof ApiProblem) {
        const result = toFormFields(error, [...fields, ...Object.keys(rename)], text);
        const placed = result.placed.map((p) => {
          const first = String(p.name[0]);
          return rename[first] ? { ...p, name: [rename[first], ...p.name.slice(1)] } : p;
        });
        form?.setFields(placed);
        onPlaced?.(placed);
        setUnplaced(result.unplaced);
      } else {
        setUnplaced([]);
      }
      setProblem(error);
    },
  };
}
