package cn.nantong.livingcircle.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Read paths run in read-only transactions: Spring Data Neo4j then opens sessions in READ access mode, which a
 * {@code neo4j://} routing driver sends to cluster secondaries.
 */
@Configuration(proxyBeanMethods = false)
class TransactionConfiguration {

    @Bean
    TransactionTemplate readOnlyTransactions(PlatformTransactionManager transactionManager) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setReadOnly(true);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
        return template;
    }
}
