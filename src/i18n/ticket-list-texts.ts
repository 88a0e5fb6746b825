// Words of the open-ticket list (`advisor tickets`, `/advisor tickets`, App Home), statuses included.
import type { Lang } from '../domain/lang.js';

interface Words {
  none: string;
  line: (p: { id: number; status: string; area: string; lang: string; hours: string; owner: string }) => string;
  /** Every ticket status (src/tickets/ticket-repo.ts TICKET_STATUSES) in words. */
  status: Record<string, string>;
}

const en: Words = {
  none: 'No open legal tickets.',
  line: (p) => `#${p.id} · ${p.status} · ${p.area} · ${p.lang} · age ${p.hours} h · owner ${p.owner}`,
  status: {
    draft: 'draft',
    new: 'new',
    offered: 'offered',
    claimed: 'claimed',
    answered: 'answered',
    closed: 'closed',
    cancelled: 'cancelled',
  },
};
const ru: Words = {
  none: 'Открытых юридических заявок нет.',
  line: (p) => `№${p.id} · ${p.status} · ${p.area} · ${p.lang} · возраст ${p.hours} ч · исполнитель ${p.owner}`,
  status: {
    draft: 'черновик',
    new: 'новая',
    offered: 'предложена юристам',
    claimed: 'в работе',
    answered: 'отвечена',
    closed: 'закрыта',
    cancelled: 'отменена',
  },
};
const zh: Words = {
  none: '没有未结的法律工单。',
  line: (p) => `第${p.id}号 · ${p.status} · ${p.area} · ${p.lang} · 已 ${p.hours} 小时 · 负责人 ${p.owner}`,
  status: {
    draft: '草稿',
    new: '新建',
    offered: '待律师认领',
    claimed: '处理中',
    answered: '已答复',
    closed: '已关闭',
    cancelled: '已取消',
  },
};

export function ticketListText(lang: Lang): Words {
  return { en, ru, zh }[lang];
}
