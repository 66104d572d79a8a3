import { useForm, type TypedSchema } from 'vee-validate';
import { computed, ref, toRaw } from 'vue';
import type { z } from 'zod';
import { ApiCallError } from '../../../common/errors';
import { fieldErrors, keyErrorMap } from '../../../common/validation';
import { i18n } from '../i18n';
import { takeDraft, useFormUnsaved } from '../unsaved';

/**
 * vee-validate over the same zod schema the router uses, with the same messages in the
 * user's language (common/messages.ts): the form and the backend refuse a field alike.
 */
export function zodTypedSchema<S extends z.ZodTypeAny>(
  schema: S,
): TypedSchema<z.input<S>, z.output<S>> {
  return {
    __type: 'VVTypedSchema',
    async parse(values) {
      const result = await schema.safeParseAsync(values, { errorMap: keyErrorMap });
      if (result.success) return { value: result.data as z.output<S>, errors: [] };
      const fields = fieldErrors(result.error, i18n.global.locale.value);
      return {
        errors: Object.entries(fields).map(([path, message]) => ({ path, errors: [message] })),
      };
    },
  };
}

/**
 * A form bound to a contract schema. `submit(fn)` validates, calls fn with the parsed values,
 * and shows the backend's refusal next to the fields (or as the form's message).
 *
 * What is typed and not yet saved counts as the window's unsaved input (closing its dialog or
 * leaving its screen asks first). With a `draftKey`, what was typed when the idle logout came
 * is given back when the same user opens the form again (`restored` tells the form to say so).
 */
export function useSchemaForm<S extends z.ZodTypeAny>(
  schema: S,
  initialValues: z.input<S>,
  /**
   * `unsaved: false` for a form that keeps its own text safe (the plan's topics save as they are
   * typed, and keep a draft until they are valid), so leaving it never loses anything.
   */
  options: { draftKey?: string; unsaved?: boolean } = {},
) {
  const form = useForm({ validationSchema: zodTypedSchema(schema), initialValues });
  const formError = ref<string | null>(null);
  const busy = ref(false);
  const { draftKey } = options;
  const draft = draftKey ? takeDraft<z.input<S>>(draftKey) : undefined;
  const restored = ref(draft !== undefined);
  if (draft !== undefined) form.setValues(draft, false);
  // While a submit runs, its input counts as saved: the action may move to another screen.
  const saving = ref(false);
  useFormUnsaved(
    computed(() => options.unsaved !== false && form.meta.value.dirty && !saving.value),
    draftKey ? { key: draftKey, take: () => structuredClone(toRaw(form.values)) } : undefined,
  );

  function submit(action: (values: z.output<S>) => Promise<void>) {
    return form.handleSubmit(async (values) => {
      formError.value = null;
      busy.value = true;
      saving.value = true;
      try {
        await action(values);
        // Saved: what the form holds now is no longer unsaved input.
        form.resetForm({ values: structuredClone(toRaw(form.values)) });
        restored.value = false;
      } catch (err) {
        if (err instanceof ApiCallError) {
          // The backend names fields by the same paths as the schema.
          if (err.body.fields) {
            form.setErrors(err.body.fields as Parameters<typeof form.setErrors>[0]);
          }
          if (!err.body.fields || err.code !== 'VALIDATION') formError.value = err.message;
        } else {
          formError.value = i18n.global.t('errors.network');
        }
      } finally {
        busy.value = false;
        saving.value = false;
      }
    });
  }

  return { ...form, formError, busy, submit, restored };
}
