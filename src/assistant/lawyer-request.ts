// A message that asks for a lawyer, in Russian, Chinese or English: it names one and asks for one, or it
// wants to go to court. A lawyer reported or weighed as an option ("юрист сказал…", "when do I need a
// lawyer?") is not a request.

const LAWYER_NOUN =
  /юрист|адвокат|юрфирм|юридическ\S*\s+фирм|юр\.\s*консультац|юридическ\S*\s+(?:консультац|помощ)|правов\S*\s+помощ|律师|律所|法律咨询|法律服务|法律援助|法律专家|法律顾问|lawyer|attorney|legal\s+(?:counsel|advice|help|hub|team|expert|specialist)|law\s+firm|escalate\s+(?:this\s+|it\s+)?to\s+legal/i;
const LAWYER_ASK =
  /нуж|хочу|хотим|ищу|ищем|представля|можно|можете|подключ|свяж|переда|поговор|консульт|заявк|помог|есть\s+у\s+вас|дайте|посоветуй|найди|找|请|帮|急需|联系|约|需要|想|咨询|转|提交|对接|有没有|代理|介入|推荐|порекоменд|посоветуйте|recommend|\bneed|\bwant|looking\s+for|represent|talk|connect|speak|get\s+me|escalat|review|look\s+at|open\s+a\s+ticket|help\s+from|could\s+someone|can\s+i|i'?d\s+like|refer|put\s+me/i;
// A lawyer mentioned as a source or as an option the user weighs is not a request for one.
const LAWYER_REPORTED =
  /(?:юрист|адвокат)\S*\s+(?:сказал|говорит|считает|пишет|утверждает)|наш\S*\s+юрист|мой\s+юрист|我们(?:的)?律师|我的律师|律师(?:说|讲|认为|表示)|(?:our|my)\s+(?:lawyer|attorney)|lawyer\s+(?:says|said|told)|when\s+should\s+i\s+ask|instead\s+of|can\s+a\s+(?:lawyer|attorney)\s+(?!help)|может\s+ли\s+(?:юрист|адвокат)|律师(?:能不能|可以|能否)(?!帮|对接|联系|介入)|в\s+каких\s+случаях|когда\s+(?:вообще\s+)?(?:нужен|нужна|нужно)\s+(?:юрист|адвокат)|什么情况下|什么时候(?:才)?需要|when\s+do\s+(?:i|we)\s+need|do\s+(?:i|we)\s+(?:really\s+|even\s+)?need\s+an?\s+(?:lawyer|attorney)\s+(?:to|for)|is\s+an?\s+(?:lawyer|attorney)\s+(?:needed|required)/i;

// Wanting to go to court is wanting a lawyer, though the message names none ("покупатель не платит,
// хочу судиться, что делать"); so is asking where to sue ("что делать, куда подавать иск?", trial 5).
const WANTS_TO_SUE =
  /(?:хочу|хотим|хотели\s+бы|будем|собира\S+|готов\S*|решил\S*|планиру\S+)\s+(?:\S+\s+)?(?:судиться|подать\s+(?:в\s+суд|иск|на\s+них)|обратиться\s+в\s+суд)|(?:want|going|plan(?:ning)?|decided|intend)\s+to\s+(?:sue|take\s+(?:them|him|her|the\s+\S+)\s+to\s+court|file\s+(?:a\s+)?(?:lawsuit|claim\s+in\s+court))|(?:想|要|准备|打算|决定)(?:去)?(?:起诉|打官司|告(?:他们|对方|买方|客户))|куда\s+(?:подавать|подать)\s+(?:иск|в\s+суд)|где\s+(?:судиться|подать\s+иск)|where\s+(?:do|can|should)\s+(?:i|we)\s+(?:sue|file\s+(?:a\s+)?(?:lawsuit|claim))|(?:去|在)?哪(?:里|儿)(?:起诉|打官司|告)/iu;

export function isLawyerRequest(text: string): boolean {
  if (LAWYER_REPORTED.test(text)) return false;
  return (LAWYER_NOUN.test(text) && LAWYER_ASK.test(text)) || WANTS_TO_SUE.test(text);
}
