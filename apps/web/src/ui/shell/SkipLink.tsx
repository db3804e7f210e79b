import { useTranslation } from 'react-i18next';

/**
 * The first Tab stop of a page: straight to its work area past the header. Focus moves without
 * touching the URL's fragment, which carries the teacher's token and shared setups.
 */
export function SkipLink(props: { target: string }) {
  const { t } = useTranslation();
  return (
    <a
      className="skip-link"
      href={`#${props.target}`}
      onClick={(event) => {
        const target = document.getElementById(props.target);
        if (!target) return;
        event.preventDefault();
        target.focus();
      }}
    >
      {t('app.skipToWork')}
    </a>
  );
}
