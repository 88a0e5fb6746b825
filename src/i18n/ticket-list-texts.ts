// Words of the open-ticket list (`advisor tickets`, `/advisor tickets`, App Home), statuses included.
import type { Lang } from '../domain/lang.js';

interface Words {
  none: string;
  line: (p: { id: number; status: string; area: string; lang: string; hours: string; owner: string }) => string;
  status: Record<string, string>;
}

const en: Words = {
  none: 'No open legal tickets.',
  line: (p) => `#${p.id} · ${p.status} · ${p.area} · ${p.lang} · age ${p.hours} h · owner ${p.owner}`,
  status: { new: 'new', offered: 'offered', claimed: 'claimed', answered: 'answered', closed: 'closed' },
};
const ru: Words = {
  none: 'Открытых юридических заявок нет.',
  line: (p) => `№${p.id} · ${p.status} · ${p.area} · ${p.lang} · возраст ${p.hours} ч · исполнитель ${p.owner}`,
  status: { new: 'новая', offered: 'предложена юристам', claimed: 'в работе', answered: 'отвечена', closed: 'закрыта' },
};
const zh: Words = {
  none: '没有未结的法律工单。',
  line: (p) => `第${p.id}号 · ${p.status} · ${p.area} · ${p.lang} · 已 ${p.hours} 小时 · 负责人 ${p.owner}`,
  status: { new: '新建', offered: '待律师认领', claimed: '处理中', answered: '已答复', closed: '已关闭' },
};

export function ticketListText(lang: Lang): Words {
  return { en, ru, zh }[lang];
}
