import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { mount, unmount } from 'svelte';
import ResumePane from './lib/components/ResumePane.svelte';
import JobPane from './lib/components/JobPane.svelte';
import { MockBackend } from './lib/backend/mock';
import type { Job, Keyword, ResumeView } from './lib/backend';
import { queries, setValue, settle } from './test-utils';

let target: HTMLElement;
let app: Record<string, unknown> | null = null;
let backend: MockBackend;
const { byId, allById } = queries(() => target);

function resume(): ResumeView {
  return {
    resume: {
      id: 'r1',
      name: 'cv',
      source: '/home/me/cv.pdf',
      person: 'Sam Rivera',
      sections: [],
      roles: [
        {
          company: 'Ledgerline',
          title: 'Senior Backend Engineer',
          start: '2022-03',
          end: 'present',
          location: 'Lisbon',
          bullets: ['Rebuilt the billing platform in Rust and PostgreSQL', 'Mentored three junior engineers'],
          line: 5,
        },
      ],
      education: [{ school: 'University of Lisbon', degree: 'BSc Computer Science', start: '2014', end: '2018' }],
      skills: [{ id: 'rust', name: 'Rust', in_roles: true }],
    },
    warnings: [],
  };
}

function kw(name: string): Keyword {
  return { id: name.toLowerCase(), name, kind: 'hard_skill', section: 'required', weight: 1, count: 1, category: null, matched: [name] };
}

beforeEach(() => {
  target = document.createElement('div');
  document.body.appendChild(target);
  backend = new MockBackend();
});

afterEach(() => {
  if (app) unmount(app);
  app = null;
  target.remove();
});

describe('the résumé page', () => {
  it('offers to add a résumé, reads the picked file, and marks the bullets no answer tells', async () => {
    const onopen = vi.fn();
    app = mount(ResumePane, { target, props: { backend, onopen } });
    await settle();
    expect(byId('resume-empty')).not.toBeNull();
    backend.pickResumeResult = '/home/me/cv.pdf';
    backend.resumeToAdd = resume();
    // One prepared answer tells the first bullet's story.
    await backend.createCard('Prep', 'Tell me about the billing rebuild', 'At Ledgerline I rebuilt the billing platform in Rust.', []);
    byId('resume-add')!.click();
    await settle();
    expect(byId('resume-person')!.textContent).toBe('Sam Rivera');
    expect(allById('role-company').map((e) => e.textContent)).toEqual(['Ledgerline']);
    const bullets = allById('resume-bullet');
    expect(bullets.map((b) => b.dataset.told)).toEqual(['true', 'false']);
    expect(byId('resume-untold-count')!.textContent).toBe('1');
    allById('bullet-answer')[0].click();
    expect(onopen).toHaveBeenCalledTimes(1);
  });

  it('says why a file could not be read, and keeps the page usable', async () => {
    app = mount(ResumePane, { target, props: { backend, onopen: vi.fn() } });
    await settle();
    backend.pickResumeResult = '/home/me/scan.pdf';
    byId('resume-add')!.click();
    await settle();
    expect(byId('resume-error')!.textContent).toContain('scan.pdf');
    expect(byId('resume-add')).not.toBeNull();
  });
});

describe('a job with a résumé', () => {
  it('shows each keyword on the résumé, in an answer, or in neither, and writes an answer to a likely question', async () => {
    backend.resumeView = resume();
    const j: Job = { id: 'j1', title: 'Backend engineer', company: 'Acme', url: null, source: 'pasted', interview_date: null, keywords: [kw('Rust'), kw('Terraform')], text: 'Rust and Terraform.' };
    backend.jobs.push(j);
    const onopen = vi.fn();
    app = mount(JobPane, { target, props: { backend, jobId: 'j1', onopen, onchange: vi.fn(), onrehearse: vi.fn() } });
    await settle();
    const rows = allById('resume-row').map((r) => [r.dataset.keyword, r.dataset.status]);
    expect(rows).toEqual([
      ['rust', 'resume'],
      ['terraform', 'neither'],
    ]);
    const qs = allById('likely-question');
    expect(qs.map((q) => q.dataset.kind)).toEqual(['achievement', 'gap']);
    allById('likely-write')[0].click();
    await settle();
    const question = byId('write-question') as HTMLInputElement;
    expect(question.value).toContain('At Ledgerline');
    setValue(byId('write-answer') as HTMLTextAreaElement, 'I split the rebuild into three stages…');
    (byId('write-form') as HTMLFormElement).requestSubmit();
    await settle();
    const made = backend.cards.find((c) => c.question === question.value);
    expect(made?.tags).toContain('likely');
    expect(onopen).toHaveBeenCalledWith(made!.id);
  });
});

describe('a card against the résumé', () => {
  it('marks a contradicted claim and lists the résumé lines it draws on', async () => {
    const CardPane = (await import('./lib/components/CardPane.svelte')).default;
    const card = await backend.getCard(backend.cards[0].id);
    card.claims = [
      { text: 'team of eight', status: 'contradicted', evidence: 'Led a team of 5 engineers' },
      { text: '40%', status: 'supported', evidence: 'Cut latency by 40%' },
    ];
    card.resume = [{ role: 'Engineer at Acme', bullet: 0, text: 'Led a team of 5 engineers' }];
    app = mount(CardPane, { target, props: { backend, card, terms: [], onback: vi.fn(), onupdate: vi.fn() } });
    await settle();
    const marks = allById('claim-contradicted');
    expect(marks.length).toBe(1);
    expect(marks[0].textContent).toContain('team of eight');
    expect(allById('card-resume-line').map((l) => l.textContent)).toEqual(['Engineer at Acme: Led a team of 5 engineers']);
  });
});
