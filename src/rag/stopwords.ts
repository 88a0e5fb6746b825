// Very frequent function words. BM25's idf already discounts them; dropping them keeps
// postings short, which is what keeps query latency low on long questions.
export const STOPWORDS = new Set(
  [
    // en
    'a an and are as at be been but by can could did do does for from had has have how i if in into is it its of on or our so than that the their them then there these they this to was we were what when where which who whom why will with would you your',
    // ru
    'а без более бы был была были было быть в вам вас весь во вот все всего всех вы где да даже для до его ее её если есть еще ещё же за и из или им их к как ко когда кто ли либо мне может мы на над надо не него нее неё нет ни них но ну о об однако он она они оно от по под при с со так также такой там те тем то того тоже той только том ты у уже хотя чего чей чем что чтобы чье чья эта эти это этот я',
    // zh (segmented words)
    '的 了 是 在 和 与 及 或 等 吗 呢 吧 啊 也 都 就 而 把 被 对 从 向 于 之 其 这 那 这个 那个 一个 我 你 他 她 它 我们 你们 他们 有 没有 要 会 能 可以 请问',
    // zh question-word bigrams: the bigram segmenter keeps them, and in a small corpus their idf is
    // high, so a question's "在哪里" or "多久" matched headings that ask the same thing rather than
    // passages on its subject. xquad zh recall@1 0.920 → 0.922; domain sets unchanged.
    '哪里 在哪 哪儿 哪些 什么 怎么 怎样 如何 多少 多久 是否 为什 么时 时候',
  ]
    .join(' ')
    .split(/\s+/),
);
