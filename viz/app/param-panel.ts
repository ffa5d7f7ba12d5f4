/**
 * The parameter panel: one labelled control per knob found in the scenario (see findParams), grouped by
 * scenario section, each with its unit and an explanation shown on hover or focus. A value outside the
 * allowed range is refused at the input: the field is marked invalid, the range is shown, and the
 * scenario keeps its previous value.
 */
import type { ScenarioDoc } from '../engine-adapter.js';
import { checkValue, type FoundChoice, type FoundParam, findParams } from '../params/param-defs.js';

const GROUP_TITLES: Record<string, string> = {
  run: 'Run',
  network: 'Network',
  population: 'Population',
  model: 'Model',
  seeding: 'Seeding',
  campaign: 'Campaign',
};

let uid = 0;

/** Renders the panel for `doc` into `form`; `onChange(path, value)` hears each accepted change. */
export function renderParamPanel(
  form: HTMLFormElement,
  doc: ScenarioDoc,
  onChange: (path: (string | number)[], value: number | string) => void,
): void {
  form.replaceChildren();
  const { numbers, choices } = findParams(doc);
  const groups = new Map<string, HTMLFieldSetElement>();
  const groupOf = (name: string) => {
    let fieldset = groups.get(name);
    if (fieldset === undefined) {
      fieldset = document.createElement('fieldset');
      const legend = document.createElement('legend');
      legend.textContent = GROUP_TITLES[name] ?? name;
      fieldset.append(legend);
      groups.set(name, fieldset);
      form.append(fieldset);
    }
    return fieldset;
  };
  const items: (FoundParam | FoundChoice)[] = [...numbers, ...choices].sort(
    (a, b) => order(a.path) - order(b.path),
  );
  for (const item of items) {
    const row = 'def' in item ? numberControl(item, onChange) : choiceControl(item, onChange);
    groupOf(item.group).append(row);
  }
  if (items.length === 0) {
    const empty = document.createElement('p');
    empty.className = 'muted';
    empty.textContent = 'This scenario has no adjustable parameters.';
    form.append(empty);
  }
}

const GROUP_ORDER = ['model', 'campaign', 'seeding', 'network', 'population', 'run'];

function order(path: readonly (string | number)[]): number {
  const top = String(path.length === 1 ? 'run' : path[0]);
  const index = GROUP_ORDER.indexOf(top);
  return index < 0 ? GROUP_ORDER.length : index;
}

function explainBox(row: HTMLElement, text: string): string {
  const id = `explain-${++uid}`;
  const box = document.createElement('div');
  box.className = 'explain';
  box.id = id;
  box.setAttribute('role', 'tooltip');
  box.textContent = text;
  row.append(box);
  return id;
}

function labelFor(id: string, text: string, unit: string): HTMLLabelElement {
  const label = document.createElement('label');
  label.htmlFor = id;
  const name = document.createElement('span');
  name.textContent = text;
  label.append(name);
  if (unit !== '') {
    const unitEl = document.createElement('span');
    unitEl.className = 'unit';
    unitEl.textContent = unit;
    label.append(unitEl);
  }
  const help = document.createElement('span');
  help.className = 'help';
  help.textContent = '?';
  help.setAttribute('aria-hidden', 'true');
  label.append(help);
  return label;
}

function numberControl(
  param: FoundParam,
  onChange: (path: (string | number)[], value: number) => void,
): HTMLElement {
  const { def } = param;
  const row = document.createElement('div');
  row.className = 'param';
  const id = `param-${param.path.join('-')}`;
  const input = document.createElement('input');
  input.type = 'number';
  input.id = id;
  input.name = param.path.join('.');
  input.min = String(def.min);
  input.max = String(def.max);
  input.step = def.isInteger ? '1' : 'any';
  input.value = String(param.value);
  row.append(labelFor(id, def.label, def.unit), input);
  const hasSlider = def.max - def.min <= 1000 && !(param.key === 'seed');
  let slider: HTMLInputElement | null = null;
  if (hasSlider) {
    slider = document.createElement('input');
    slider.type = 'range';
    slider.min = String(def.min);
    slider.max = String(def.max);
    slider.step = String(def.step);
    slider.value = String(param.value);
    slider.setAttribute('aria-label', `${def.label} slider`);
    row.append(slider);
  }
  const refusal = document.createElement('div');
  refusal.className = 'refusal';
  refusal.id = `${id}-refusal`;
  refusal.setAttribute('aria-live', 'polite');
  row.append(refusal);
  const explainId = explainBox(
    row,
    `${def.explain} Allowed ${def.min} to ${def.max}${def.unit === '' ? '' : ` ${def.unit}`}.`,
  );
  input.setAttribute('aria-describedby', `${explainId} ${refusal.id}`);
  const accept = (text: string, source: 'input' | 'slider') => {
    const checked = checkValue(def, text);
    if (!checked.isValid) {
      input.setAttribute('aria-invalid', 'true');
      refusal.textContent = checked.message;
      return;
    }
    input.removeAttribute('aria-invalid');
    refusal.textContent = '';
    if (source === 'slider') input.value = String(checked.value);
    else if (slider !== null) slider.value = String(checked.value);
    onChange(param.path, checked.value);
  };
  input.addEventListener('change', () => accept(input.value, 'input'));
  input.addEventListener('input', () => {
    const checked = checkValue(def, input.value);
    if (checked.isValid) {
      input.removeAttribute('aria-invalid');
      refusal.textContent = '';
    }
  });
  slider?.addEventListener('input', () => accept((slider as HTMLInputElement).value, 'slider'));
  return row;
}

function choiceControl(
  choice: FoundChoice,
  onChange: (path: (string | number)[], value: string) => void,
): HTMLElement {
  const row = document.createElement('div');
  row.className = 'param choice';
  const id = `param-${choice.path.join('-')}`;
  const select = document.createElement('select');
  select.id = id;
  const options = choice.options.includes(choice.value) ? choice.options : [choice.value, ...choice.options];
  for (const value of options) {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = value;
    option.selected = value === choice.value;
    select.append(option);
  }
  row.append(labelFor(id, choice.label, ''), select);
  select.setAttribute('aria-describedby', explainBox(row, choice.explain));
  select.addEventListener('change', () => onChange(choice.path, select.value));
  return row;
}
